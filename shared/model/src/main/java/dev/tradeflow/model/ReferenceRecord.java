package dev.tradeflow.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One piece of reference data: a value on one of the compacted reference-data topics, under {@link
 * #key()}. Which kind it is, and which field holds its key, is {@link ReferenceKind}'s to say.
 */
public sealed interface ReferenceRecord
    permits Counterparty, Book, Instrument, FxRate, CounterpartyLimit {

  /** The record's key on its topic: the value of its kind's key field. */
  @JsonIgnore
  String key();
}
