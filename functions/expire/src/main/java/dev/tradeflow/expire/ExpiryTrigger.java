package dev.tradeflow.expire;

import dev.tradeflow.binding.Binding;
import dev.tradeflow.binding.EventDispatcher;
import dev.tradeflow.binding.NotReadyException;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.EventType;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The in-app triggers of an expiry sweep: the cron ({@code tradeflow.expire.cron}, in the business
 * zone) and the REST call. Both make a tick and take the same path as one over HTTP or Kafka.
 */
@ApplicationScoped
public class ExpiryTrigger {

  private static final Logger LOG = Logger.getLogger(ExpiryTrigger.class);

  @Inject EventDispatcher dispatcher;

  @Scheduled(
      cron = "${tradeflow.expire.cron}",
      timeZone = "${tradeflow.business.zone}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void onSchedule() {
    try {
      List<CloudEvent> expired = sweep(Binding.SCHEDULE, "/tradeflow/expire/schedule");
      LOG.infof("scheduled expiry sweep: %d trades expired", expired.size());
    } catch (NotReadyException e) {
      LOG.warnf("scheduled expiry sweep skipped: %s", e.getMessage());
    }
  }

  /** Sweeps now and publishes the expired events; returns them. */
  public List<CloudEvent> sweep(Binding binding, String source) {
    CloudEvent tick =
        new CloudEvent(
            UUID.randomUUID().toString(),
            source,
            EventType.EXPIRY_TICK.type(),
            null,
            OffsetDateTime.now(),
            null,
            null,
            null);
    return dispatcher.run(
        binding,
        unit -> {
          List<CloudEvent> expired = unit.handle(tick);
          unit.publish(expired);
          return expired;
        });
  }
}
