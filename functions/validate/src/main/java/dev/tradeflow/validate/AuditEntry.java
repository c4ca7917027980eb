package dev.tradeflow.validate;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tradeflow.model.RejectReason;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * One decision of the trade store, with the event that caused it and, for a change asked for over
 * the REST API, who asked: the subject of the request's bearer token ({@code actor}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record AuditEntry(
    Instant at,
    String tradeId,
    Integer version,
    AuditAction action,
    RejectReason reason,
    String detail,
    String causeSource,
    String causeId,
    String actor) {

  /** The same entry, attributed to {@code who}. */
  public AuditEntry by(String who) {
    return new AuditEntry(at, tradeId, version, action, reason, detail, causeSource, causeId, who);
  }
}
