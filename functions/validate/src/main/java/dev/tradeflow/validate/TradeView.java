package dev.tradeflow.validate;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tradeflow.model.Side;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.Trade;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A stored trade as the REST API shows it: the trade-store JSON format, with the counterparty
 * spelled {@code counterparty_id} as in every event and state record, plus its revision.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record TradeView(
    String tradeId,
    int version,
    String counterpartyId,
    String bookId,
    LocalDate maturityDate,
    LocalDate createdDate,
    boolean expired,
    String instrument,
    Side side,
    BigDecimal quantity,
    BigDecimal price,
    String currency,
    long revision) {

  public static TradeView of(StoredTrade stored) {
    Trade t = stored.trade();
    var e = t.economics();
    return new TradeView(
        t.tradeId(),
        t.version(),
        t.counterpartyId(),
        t.bookId(),
        t.maturityDate(),
        t.createdDate(),
        t.expired(),
        e == null ? null : e.instrument(),
        e == null ? null : e.side(),
        e == null ? null : e.quantity(),
        e == null ? null : e.price(),
        e == null ? null : e.currency(),
        stored.revision());
  }
}
