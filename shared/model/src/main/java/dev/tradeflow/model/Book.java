package dev.tradeflow.model;

/** Trading book reference data, keyed by {@code id} on its compacted topic. */
public record Book(String id, String name, String desk) {}
