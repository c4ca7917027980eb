package dev.tradeflow.binding;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every meter of a function carries {@code function=<id>}: tradeflow's own, the state gauges, the
 * Kafka client and the HTTP server meters alike, so one dashboard tells the functions apart.
 */
@Singleton
public class FunctionMeterTag {

  @Produces
  @Singleton
  MeterFilter functionTag(@ConfigProperty(name = "tradeflow.function") String function) {
    return MeterFilter.commonTags(Tags.of("function", function));
  }
}
