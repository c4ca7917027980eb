package dev.tradeflow.validate;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tradeflow.model.RejectReason;
import java.time.Instant;

/** One decision of the trade store, with the event that caused it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(
    Instant at,
    String tradeId,
    Integer version,
    AuditAction action,
    RejectReason reason,
    String detail,
    String causeSource,
    String causeId) {}
