package dev.tradeflow.validate;

import dev.tradeflow.model.StoredTrade;

/** What a decision does to the trade store's compacted topic. */
public sealed interface StoreChange {

  record Put(StoredTrade trade) implements StoreChange {}

  record Delete(String tradeId) implements StoreChange {}

  record None() implements StoreChange {}

  StoreChange NONE = new None();
}
