package dev.tradeflow.parse.fix;

/** A FIX message that passed framing, structure and dictionary checks. */
record FixMessage(FixDictionary dictionary, String msgType, FixFieldMap header, FixFieldMap body) {}
