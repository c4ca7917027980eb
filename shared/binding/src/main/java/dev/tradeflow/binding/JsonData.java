package dev.tradeflow.binding;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An event's data that is JSON already, handed to Funqy as it is. Funqy writes a {@code byte[]}
 * with a JSON content type as a base64 string, and binding the data to a POJO would read and write
 * every event twice; this writes the bytes into the reply unchanged, in either content mode.
 */
@RegisterForReflection
public final class JsonData implements JsonSerializable {

  private final byte[] json;

  public JsonData(byte[] json) {
    this.json = json;
  }

  public byte[] bytes() {
    return json;
  }

  @Override
  public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
    generator.writeRawValue(new String(json, StandardCharsets.UTF_8));
  }

  @Override
  public void serializeWithType(
      JsonGenerator generator, SerializerProvider provider, TypeSerializer types)
      throws IOException {
    serialize(generator, provider);
  }
}
