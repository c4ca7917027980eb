package dev.tradeflow.enrich.reference;

import java.util.Map;

/**
 * One value of reference data as it was sent, before it is read: field name to text, absent fields
 * left out. {@code number} counts the rows of a bulk request from 1 (a CSV header is not a row); it
 * is null for a single value.
 */
public record ReferenceRow(Integer number, Map<String, String> fields) {}
