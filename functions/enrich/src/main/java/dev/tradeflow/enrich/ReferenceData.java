package dev.tradeflow.enrich;

import dev.tradeflow.binding.StateCodecs;
import dev.tradeflow.binding.StateStores;
import dev.tradeflow.events.Topic;
import dev.tradeflow.model.Book;
import dev.tradeflow.model.Counterparty;
import dev.tradeflow.state.CompactedTopicStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Counterparties and books, each rebuilt from and following its compacted topic. */
@ApplicationScoped
public class ReferenceData {

  @Inject StateStores stores;

  private CompactedTopicStore<Counterparty> counterparties;
  private CompactedTopicStore<Book> books;

  void onStart(@Observes StartupEvent start) {
    counterparties = stores.open(Topic.COUNTERPARTIES, StateCodecs.json(Counterparty.class));
    books = stores.open(Topic.BOOKS, StateCodecs.json(Book.class));
  }

  public Optional<Counterparty> counterparty(String id) {
    return counterparties.get(id);
  }

  public Optional<Book> book(String id) {
    return books.get(id);
  }

  public List<Counterparty> counterparties() {
    List<Counterparty> all = new ArrayList<>();
    counterparties.forEach((id, cp) -> all.add(cp));
    all.sort(Comparator.comparing(Counterparty::id));
    return all;
  }

  public List<Book> books() {
    List<Book> all = new ArrayList<>();
    books.forEach((id, book) -> all.add(book));
    all.sort(Comparator.comparing(Book::id));
    return all;
  }
}
