package dev.tradeflow.binding;

import dev.tradeflow.state.PartitionProgress;
import dev.tradeflow.state.RebuildStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is DOWN until every state store has caught up with its compacted topic. */
@Readiness
@ApplicationScoped
public class StateReadinessCheck implements HealthCheck {

  @Inject StateStores stores;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("tradeflow-state");
    boolean up = true;
    for (RebuildStatus status : stores.statuses()) {
      up &= status.ready();
      response.withData(status.topic(), StateStores.describe(status));
      for (PartitionProgress partition : status.partitions()) {
        response.withData(
            status.topic() + "-" + partition.partition(),
            partition.position() + "/" + partition.endOffset());
      }
    }
    return response.status(up).build();
  }
}
