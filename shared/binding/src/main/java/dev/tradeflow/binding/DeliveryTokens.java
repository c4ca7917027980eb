package dev.tradeflow.binding;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * With {@code tradeflow.cloudevents.oidc.enabled}, {@code POST /} takes a CloudEvent only with a
 * bearer token from the configured issuer for this function's audience, as Knative Eventing sends
 * when its OIDC feature is on; anything else is a 401 problem (by {@link CloudEventRoutes}) before
 * the function sees the event. The REST API's tokens are for another audience and do not pass.
 */
@ApplicationScoped
public class DeliveryTokens {

  static final String BEARER = "Bearer ";
  private static final Logger LOG = Logger.getLogger(DeliveryTokens.class);

  @Inject DeliveryTokenConfig config;
  @Inject JWTParser parser;

  void install(@Observes Router router) {
    if (!config.enabled()) {
      return;
    }
    JWTAuthContextInfo verification = verification(config);
    router.route("/").order(-1_001).blockingHandler(http -> check(http, verification), false);
    LOG.infof(
        "POST / takes CloudEvents only with a delivery token for audience %s",
        config.audience().orElseThrow());
  }

  private void check(RoutingContext http, JWTAuthContextInfo verification) {
    String header = http.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      http.fail(401);
      return;
    }
    try {
      parser.parse(header.substring(BEARER.length()).trim(), verification);
      http.next();
    } catch (ParseException refused) {
      LOG.debugf("delivery token refused: %s", refused.getMessage());
      http.fail(401);
    }
  }

  static JWTAuthContextInfo verification(DeliveryTokenConfig config) {
    String audience =
        config
            .audience()
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "tradeflow.cloudevents.oidc.enabled is true but"
                            + " tradeflow.cloudevents.oidc.audience is not set"));
    JWTAuthContextInfo verification = new JWTAuthContextInfo();
    verification.setExpectedAudience(Set.of(audience));
    config.issuer().ifPresent(verification::setIssuedBy);
    if (config.publickey().isPresent()) {
      verification.setPublicKeyContent(config.publickey().get());
    } else {
      verification.setPublicKeyLocation(
          config
              .publickeyLocation()
              .orElseThrow(
                  () ->
                      new ConfigurationException(
                          "tradeflow.cloudevents.oidc.enabled is true but neither"
                              + " tradeflow.cloudevents.oidc.publickey-location nor"
                              + " tradeflow.cloudevents.oidc.publickey is set")));
    }
    return verification;
  }
}
