package dev.tradeflow.model;

import java.util.List;

/**
 * Who may do what on the REST APIs: the roles a bearer token carries (its {@code groups} claim).
 * {@code /q/health/*} and the CloudEvents endpoint {@code POST /} take no token.
 */
public final class Roles {

  /** Every {@code GET} of trades, audit logs, statistics, aggregates and reference data. */
  public static final String READER = "reader";

  /** {@code POST /api/v1/trades} and {@code DELETE /api/v1/trades/{id}}. */
  public static final String TRADE_WRITER = "trade-writer";

  /** Manual expiry: {@code POST /api/v1/expire-trades} on validate and on expire. */
  public static final String OPERATOR = "operator";

  /** Reference-data writes (none exist yet: enrich's reference data is read-only over REST). */
  public static final String REFDATA_WRITER = "refdata-writer";

  public static final List<String> ALL = List.of(READER, TRADE_WRITER, OPERATOR, REFDATA_WRITER);

  private Roles() {}
}
