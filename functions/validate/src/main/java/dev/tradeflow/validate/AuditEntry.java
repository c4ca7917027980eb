package dev.tradeflow.validate;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tradeflow.model.RejectReason;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** One decision of the trade store, with the event that caused it. */
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
    String causeId) {}
