package dev.tradeflow.model;

/** A trade removed from the store, carried by {@code tradeflow.trade.deleted}. */
public record TradeDeletion(String tradeId, long revision) {}
