package dev.tradeflow.model;

/**
 * A request to withdraw a stored trade, carried by {@code tradeflow.trade.cancel-requested}. The
 * version rule applies: a cancel older than the stored trade is rejected.
 */
public record TradeCancel(String tradeId, int version) {}
