package dev.tradeflow.aggregate;

import dev.tradeflow.model.Contribution;
import dev.tradeflow.model.MarketPrice;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/** What aggregate's core reads to decide: the current state, never written through this view. */
public interface AggregateView {

  Optional<Contribution> contribution(String tradeId);

  /** The counterparty's gross exposure in the reporting currency; zero when it has none. */
  BigDecimal exposure(String counterpartyId);

  Optional<BigDecimal> limit(String counterpartyId);

  Optional<MarketPrice> price(String instrument);

  /** The positions held in the instrument. */
  Set<PositionKey> positionsIn(String instrument);
}
