package dev.tradeflow.model;

/** Counterparty reference data, keyed by {@code id} on its compacted topic. */
public record Counterparty(String id, String name, String lei) {}
