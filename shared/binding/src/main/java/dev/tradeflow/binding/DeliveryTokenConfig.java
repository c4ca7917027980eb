package dev.tradeflow.binding;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * {@code tradeflow.cloudevents.oidc.*}: whether {@code POST /} demands the token Knative Eventing
 * sends when its OIDC feature ({@code authentication-oidc}) is on, and how to verify it. Off by
 * default: without the feature, Knative sends no token.
 */
@ConfigMapping(prefix = "tradeflow.cloudevents.oidc")
public interface DeliveryTokenConfig {

  @WithDefault("false")
  boolean enabled();

  /** The audience the token must be for: the one the function's Trigger names for it. */
  Optional<String> audience();

  /** The token's issuer: the cluster's service-account issuer. */
  Optional<String> issuer();

  /** Where the issuer's keys are: a JWKS URL (the cluster's {@code /openid/v1/jwks}) or a PEM. */
  Optional<String> publickeyLocation();

  /** The issuer's public key itself, in place of a location. */
  Optional<String> publickey();
}
