package dev.tradeflow.enrich;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.model.Book;
import dev.tradeflow.model.Counterparty;
import dev.tradeflow.model.EnrichedTrade;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Rejection;
import dev.tradeflow.model.Stage;
import dev.tradeflow.model.Trade;
import dev.tradeflow.model.ValidatedTrade;
import java.util.Optional;

/**
 * Adds counterparty and book reference data to a validated trade. Missing reference data is never
 * passed over: the trade is rejected with {@code UNKNOWN_COUNTERPARTY} or {@code UNKNOWN_BOOK}. It
 * stays in the trade store; sending the same version again once the reference data exists runs it
 * through again.
 */
public final class EnrichCore {

  private final Emitter emitter;

  public EnrichCore(Emitter emitter) {
    this.emitter = emitter;
  }

  public CloudEvent enrich(
      CloudEvent cause,
      ValidatedTrade validated,
      Optional<Counterparty> counterparty,
      Optional<Book> book) {
    Trade trade = validated.trade();
    if (counterparty.isEmpty()) {
      return reject(
          cause,
          trade,
          RejectReason.UNKNOWN_COUNTERPARTY,
          "no reference data for counterparty " + trade.counterpartyId(),
          "/stored/trade/counterparty_id");
    }
    if (book.isEmpty()) {
      return reject(
          cause,
          trade,
          RejectReason.UNKNOWN_BOOK,
          "no reference data for book " + trade.bookId(),
          "/stored/trade/book_id");
    }
    return emitter.emit(
        cause,
        EventType.TRADE_ENRICHED,
        trade.tradeId(),
        0,
        new EnrichedTrade(validated, counterparty.get(), book.get()));
  }

  private CloudEvent reject(
      CloudEvent cause, Trade trade, RejectReason reason, String message, String location) {
    Rejection rejection =
        Rejection.of(Stage.ENRICH, cause, trade.tradeId(), reason, message, location);
    return emitter.emit(cause, EventType.TRADE_REJECTED, trade.tradeId(), 0, rejection);
  }
}
