package dev.tradeflow.validate;

import dev.tradeflow.events.CloudEvent;
import java.util.List;

/**
 * What {@link StoreEvents} makes of an outcome: the store change to write, the events to emit, the
 * audit entry.
 */
public record ValidateResult(StoreChange change, List<CloudEvent> events, AuditEntry audit) {}
