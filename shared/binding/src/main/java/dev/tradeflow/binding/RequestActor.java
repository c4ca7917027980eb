package dev.tradeflow.binding;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who asked for the change being made on this thread: the subject of the bearer token of the REST
 * request being handled. Empty for work that came from Kafka, a CloudEvent on {@code POST /} or the
 * schedule, which carry no token.
 */
@ApplicationScoped
public class RequestActor {

  @Inject Instance<JsonWebToken> token;

  public Optional<String> current() {
    if (!Arc.container().requestContext().isActive()) {
      return Optional.empty();
    }
    return Optional.ofNullable(token.get().getSubject());
  }
}
