package dev.tradeflow.model;

public enum Side {
  BUY,
  SELL
}
