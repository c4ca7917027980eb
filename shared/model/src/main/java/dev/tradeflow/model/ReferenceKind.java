package dev.tradeflow.model;

import dev.tradeflow.events.Topic;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of reference data: how each is named in the REST path and in {@code
 * tradeflow.refdata.*} events, its compacted topic, its record and which field is its key.
 */
public enum ReferenceKind {
  COUNTERPARTIES("counterparties", Topic.COUNTERPARTIES, Counterparty.class, "id"),
  BOOKS("books", Topic.BOOKS, Book.class, "id"),
  INSTRUMENTS("instruments", Topic.INSTRUMENTS, Instrument.class, "id"),
  FX_RATES("fx-rates", Topic.FX_RATES, FxRate.class, "currency"),
  LIMITS("limits", Topic.LIMITS, CounterpartyLimit.class, "counterparty_id");

  private final String pathName;
  private final Topic topic;
  private final Class<? extends ReferenceRecord> type;
  private final String keyField;

  ReferenceKind(
      String pathName, Topic topic, Class<? extends ReferenceRecord> type, String keyField) {
    this.pathName = pathName;
    this.topic = topic;
    this.type = type;
    this.keyField = keyField;
  }

  /** As the REST path and the events spell it: {@code fx-rates}. */
  public String pathName() {
    return pathName;
  }

  public Topic topic() {
    return topic;
  }

  public Class<? extends ReferenceRecord> type() {
    return type;
  }

  /** The JSON field that holds a record's key. */
  public String keyField() {
    return keyField;
  }

  public static Optional<ReferenceKind> byPathName(String name) {
    return Arrays.stream(values()).filter(kind -> kind.pathName.equals(name)).findFirst();
  }

  public static List<String> pathNames() {
    return Arrays.stream(values()).map(ReferenceKind::pathName).toList();
  }
}
