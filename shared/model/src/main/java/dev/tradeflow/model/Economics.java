package dev.tradeflow.model;

import java.math.BigDecimal;

/** What was traded: optional on the minimal JSON trade, always present on FIX and XML. */
public record Economics(
    String instrument, Side side, BigDecimal quantity, BigDecimal price, String currency) {

  public Economics {
    instrument = Canonical.of(instrument);
    currency = Canonical.of(currency);
  }
}
