package dev.tradeflow.expire;

import dev.tradeflow.binding.Binding;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.model.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code POST /api/v1/expire-trades}: run an expiry sweep now. */
@Path("/api/v1/expire-trades")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class ExpiryResource {

  @Inject ExpiryTrigger trigger;

  public record Sweep(int expired, List<String> tradeIds) {}

  @POST
  public Sweep expireTrades() {
    List<CloudEvent> expired =
        trigger.sweep(Binding.REST, "/tradeflow/expire/api/v1/expire-trades");
    return new Sweep(expired.size(), expired.stream().map(CloudEvent::subject).toList());
  }
}
