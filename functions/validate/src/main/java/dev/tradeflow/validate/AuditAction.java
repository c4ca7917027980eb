package dev.tradeflow.validate;

/** What the trade store did. */
public enum AuditAction {
  ACCEPTED,
  REPLACED,
  REJECTED,
  EXPIRED,
  DELETED,
  CANCELLED
}
