package dev.tradeflow.enrich;

import dev.tradeflow.model.Book;
import dev.tradeflow.model.Counterparty;
import dev.tradeflow.model.EnrichedTrade;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Trade;
import dev.tradeflow.model.ValidatedTrade;
import dev.tradeflow.model.Valuation;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Adds reference data to a validated trade, and values it when it has economics. Missing reference
 * data is never passed over: the trade is refused ({@code UNKNOWN_COUNTERPARTY}, {@code
 * UNKNOWN_BOOK}, {@code UNKNOWN_INSTRUMENT}, {@code UNKNOWN_FX_RATE}, in that order). It stays in
 * the trade store; sending the same version again once the reference data exists runs it through
 * again. The core decides; the handler turns the decision into an event.
 */
public final class EnrichCore {

  private final TradeValuer valuer;

  public EnrichCore(String reportingCurrency) {
    this.valuer = new TradeValuer(reportingCurrency);
  }

  public Checked<EnrichedTrade> enrich(
      ValidatedTrade validated, References references, LocalDate businessDate) {
    Trade trade = validated.trade();
    Optional<Counterparty> counterparty = references.counterparty(trade.counterpartyId());
    if (counterparty.isEmpty()) {
      return Checked.refused(
          RejectReason.UNKNOWN_COUNTERPARTY,
          "no reference data for counterparty " + trade.counterpartyId(),
          "/stored/trade/counterparty_id");
    }
    Optional<Book> book = references.book(trade.bookId());
    if (book.isEmpty()) {
      return Checked.refused(
          RejectReason.UNKNOWN_BOOK,
          "no reference data for book " + trade.bookId(),
          "/stored/trade/book_id");
    }
    if (trade.economics() == null) {
      return enriched(validated, counterparty.get(), book.get(), null);
    }
    return switch (valuer.value(trade, references, businessDate)) {
      case Checked.Ok<Valuation> valued ->
          enriched(validated, counterparty.get(), book.get(), valued.value());
      case Checked.Refused<Valuation> refused ->
          Checked.refused(refused.reason(), refused.message(), refused.location());
    };
  }

  private static Checked<EnrichedTrade> enriched(
      ValidatedTrade validated, Counterparty counterparty, Book book, Valuation valuation) {
    return new Checked.Ok<>(new EnrichedTrade(validated, counterparty, book, valuation));
  }
}
