package dev.tradeflow.binding;

import dev.tradeflow.model.Aggregate;
import dev.tradeflow.model.AssetClass;
import dev.tradeflow.model.Book;
import dev.tradeflow.model.Contribution;
import dev.tradeflow.model.Counterparty;
import dev.tradeflow.model.CounterpartyLimit;
import dev.tradeflow.model.Dimension;
import dev.tradeflow.model.Economics;
import dev.tradeflow.model.EnrichedTrade;
import dev.tradeflow.model.ExpiryTick;
import dev.tradeflow.model.FieldError;
import dev.tradeflow.model.FxRate;
import dev.tradeflow.model.Holding;
import dev.tradeflow.model.Instrument;
import dev.tradeflow.model.LimitCrossing;
import dev.tradeflow.model.MarketPrice;
import dev.tradeflow.model.Money;
import dev.tradeflow.model.PositionView;
import dev.tradeflow.model.PriceQuotation;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Rejection;
import dev.tradeflow.model.Side;
import dev.tradeflow.model.Stage;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.Trade;
import dev.tradeflow.model.TradeCancel;
import dev.tradeflow.model.TradeDeletion;
import dev.tradeflow.model.TradeExpiry;
import dev.tradeflow.model.ValidatedTrade;
import dev.tradeflow.model.Valuation;
import dev.tradeflow.model.WireEnum;
import dev.tradeflow.state.PartitionProgress;
import dev.tradeflow.state.RebuildStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The payloads tradeflow's own Jackson mapper reads and writes: a native image keeps their
 * constructors, accessors and record components only when told to. The model module is plain Java,
 * so they are registered here.
 */
@RegisterForReflection(
    targets = {
      Aggregate.class,
      AssetClass.class,
      Book.class,
      Contribution.class,
      Counterparty.class,
      CounterpartyLimit.class,
      Dimension.class,
      Economics.class,
      EnrichedTrade.class,
      ExpiryTick.class,
      FieldError.class,
      FxRate.class,
      Instrument.class,
      Holding.class,
      LimitCrossing.class,
      MarketPrice.class,
      PositionView.class,
      Money.class,
      PriceQuotation.class,
      RejectReason.class,
      Rejection.class,
      Side.class,
      Stage.class,
      StoredTrade.class,
      Trade.class,
      TradeCancel.class,
      TradeDeletion.class,
      TradeExpiry.class,
      ValidatedTrade.class,
      ValidatedTrade.Change.class,
      Valuation.class,
      // wireName() carries the @JsonValue of AssetClass and PriceQuotation; unregistered, a
      // native image writes BOND for bond, and enrich refuses its own instruments
      WireEnum.class,
      // bodies of Responses built by hand: JAX-RS cannot see their type when it builds the image
      Problem.class,
      RebuildStatus.class,
      PartitionProgress.class,
    })
public final class NativeReflection {

  private NativeReflection() {}
}
