package dev.tradeflow.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A book's position in an instrument, over its live trades: carried by {@code
 * tradeflow.position.updated} and answered by {@code GET /api/v1/positions}. Market value and P&L
 * are there once the instrument has a market price; the reporting-currency figures once its
 * currency has an FX rate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PositionView(
    String book,
    String instrument,
    String currency,
    BigDecimal quantity,
    int trades,
    Money cost,
    Money costReporting,
    BigDecimal marketPrice,
    OffsetDateTime marketPriceTime,
    Money marketValue,
    Money pnl,
    Money pnlReporting) {}
