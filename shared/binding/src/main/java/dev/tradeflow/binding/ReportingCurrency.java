package dev.tradeflow.binding;

import dev.tradeflow.formats.TradeIds;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code tradeflow.reporting-currency}: the one currency exposures and P&L are reported in, and
 * that FX rates convert to. Checked at start: an app with a bad one does not start.
 */
@Singleton
public class ReportingCurrency {

  private final String code;

  public ReportingCurrency(
      @ConfigProperty(name = "tradeflow.reporting-currency", defaultValue = "USD") String code) {
    if (!TradeIds.isCurrency(code)) {
      throw new IllegalArgumentException(
          "tradeflow.reporting-currency must be an ISO 4217 code such as USD, not '" + code + "'");
    }
    this.code = code;
  }

  public String code() {
    return code;
  }
}
