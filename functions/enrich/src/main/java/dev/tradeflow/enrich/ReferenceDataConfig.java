package dev.tradeflow.enrich;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code tradeflow.reference.*}: bounds on reference-data requests. */
@ConfigMapping(prefix = "tradeflow.reference")
public interface ReferenceDataConfig {

  /**
   * The most rows one bulk load ({@code POST /api/v1/reference/{kind}}) takes. The body is bounded
   * too, by {@code quarkus.http.limits.max-body-size}.
   */
  @WithDefault("5000")
  int maxRows();
}
