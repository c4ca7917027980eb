package dev.tradeflow.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of money in a currency. Every money figure tradeflow emits or stores is made here, so
 * it is rounded in one place and one way: to {@value #SCALE} decimal places, half to even (banker's
 * rounding), once, from the exact product. Never a {@code double}.
 */
public record Money(BigDecimal amount, String currency) {

  public static final int SCALE = 2;
  public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

  /** {@code exact}, rounded to {@value #SCALE} places, half to even. */
  public static Money of(BigDecimal exact, String currency) {
    return new Money(exact.setScale(SCALE, ROUNDING), currency);
  }
}
