package dev.tradeflow.parse.fix;

/** The dictionaries parse ships, loaded once per process. */
final class FixDictionaries {

  static final FixDictionary FIX44 = FixDictionary.load("fix/FIX44.dict");
  static final FixDictionary FIX50SP2 = FixDictionary.load("fix/FIX50SP2.dict");

  private FixDictionaries() {}
}
