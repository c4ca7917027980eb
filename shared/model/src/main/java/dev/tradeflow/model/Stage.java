package dev.tradeflow.model;

/** The function that made a decision. */
public enum Stage {
  PARSE,
  VALIDATE,
  ENRICH,
  AGGREGATE,
  EXPIRE
}
