package dev.tradeflow.model;

import java.time.LocalDate;

/** A stored trade whose maturity has passed, carried by {@code tradeflow.trade.expired}. */
public record TradeExpiry(
    String tradeId, int version, LocalDate maturityDate, LocalDate businessDate) {}
