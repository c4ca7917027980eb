package dev.tradeflow.model;

/** How an instrument's price is quoted: {@code per_unit} or {@code percent_of_par}. */
public enum PriceQuotation implements WireEnum {
  /** Currency per unit, as shares and futures are quoted. */
  PER_UNIT,
  /** Percent of face value, as bonds are quoted: a price of 99.5 is 0.995 per unit of quantity. */
  PERCENT_OF_PAR
}
