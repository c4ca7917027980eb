package dev.tradeflow.binding;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeflow.events.Json;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** REST answers use the same JSON form as the events: snake_case fields, ISO dates. */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    Json.configure(mapper);
  }
}
