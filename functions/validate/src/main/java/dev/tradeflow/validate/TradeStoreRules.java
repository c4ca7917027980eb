package dev.tradeflow.validate;

import dev.tradeflow.model.BusinessCalendar;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.Trade;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The trade store's rules.
 *
 * <ul>
 *   <li>A version lower than the stored one is rejected.
 *   <li>The same version replaces the stored trade; a higher version is accepted.
 *   <li>A maturity date before the business date is rejected; today is accepted.
 * </ul>
 *
 * An accepted trade is stored with {@code expired = false}: only the expiry job sets the flag.
 */
public final class TradeStoreRules {

  private TradeStoreRules() {}

  public static Decision decide(
      Trade incoming, Optional<StoredTrade> current, LocalDate businessDate) {
    if (current.isPresent() && incoming.version() < current.get().trade().version()) {
      return new Decision.Rejected(
          RejectReason.LOWER_VERSION,
          "version "
              + incoming.version()
              + " is lower than the stored version "
              + current.get().trade().version()
              + " of trade "
              + incoming.tradeId());
    }
    if (BusinessCalendar.matured(incoming, businessDate)) {
      return new Decision.Rejected(
          RejectReason.MATURITY_IN_PAST,
          "maturity date "
              + incoming.maturityDate()
              + " is before the business date "
              + businessDate);
    }
    Trade stored = incoming.withExpired(false);
    if (current.isPresent() && incoming.version() == current.get().trade().version()) {
      return new Decision.Replaced(stored, current.get());
    }
    return new Decision.Accepted(stored);
  }
}
