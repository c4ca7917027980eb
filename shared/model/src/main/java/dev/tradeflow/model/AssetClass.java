package dev.tradeflow.model;

/** What kind of instrument it is, spelt in lower case: {@code equity}, {@code bond}… */
public enum AssetClass implements WireEnum {
  EQUITY,
  BOND,
  FUTURE,
  OPTION,
  FX,
  COMMODITY,
  FUND
}
