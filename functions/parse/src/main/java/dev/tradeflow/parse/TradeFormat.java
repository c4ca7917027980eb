package dev.tradeflow.parse;

/** The wire formats trades arrive in. */
public enum TradeFormat {
  JSON,
  FIX,
  XML
}
