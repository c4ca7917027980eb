package dev.tradeflow.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The market price of an instrument at a time, in the instrument's currency and quotation; carried
 * by {@code tradeflow.price.updated}. A price older than the one held is ignored.
 */
public record MarketPrice(String instrument, BigDecimal price, OffsetDateTime time) {}
