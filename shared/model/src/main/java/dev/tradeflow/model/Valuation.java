package dev.tradeflow.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What enrich works out for a trade with economics, from its instrument and the FX rates.
 *
 * @param instrument the instrument's reference data
 * @param tradeDate the trade's {@code created_date}, else the business date enrich valued it on
 * @param settlementDate the trade date plus the instrument's settlement cycle in business days
 *     (Saturdays and Sundays skipped; holidays are not known)
 * @param signedQuantity the quantity, negative for a sale
 * @param notional |quantity| × price × contract multiplier (÷ 100 when the price is a percent of
 *     par), in the instrument's currency, the currency its price is quoted in
 * @param fxRate what one unit of that currency is worth in the reporting currency (1 for the
 *     reporting currency itself)
 * @param reportingNotional the notional × the FX rate, in the reporting currency
 */
public record Valuation(
    Instrument instrument,
    LocalDate tradeDate,
    LocalDate settlementDate,
    BigDecimal signedQuantity,
    Money notional,
    BigDecimal fxRate,
    Money reportingNotional) {}
