package dev.tradeflow.enrich;

import dev.tradeflow.model.Book;
import dev.tradeflow.model.Counterparty;
import dev.tradeflow.model.FxRate;
import dev.tradeflow.model.Instrument;
import java.util.Optional;

/** The reference data enrich looks a trade's parts up in. */
public interface References {

  Optional<Counterparty> counterparty(String id);

  Optional<Book> book(String id);

  Optional<Instrument> instrument(String id);

  Optional<FxRate> fxRate(String currency);
}
