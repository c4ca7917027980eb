package dev.tradeflow.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import dev.tradeflow.formats.TradeDates;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Dates as {@code yyyy-MM-dd}, read ({@link TradeDates#iso}) and written without {@code
 * DateTimeFormatter} on that shape: the JSR-310 module's date deserializer was the largest single
 * allocation of validate's handler (JFR). Anything else (another shape, a date that does not exist,
 * a number) goes to the JSR-310 module's own handling, so answers and errors stay the same; {@code
 * IsoDateModuleTest} holds them to it.
 */
final class IsoDateModule extends SimpleModule {

  IsoDateModule() {
    super("tradeflow-iso-dates");
    addSerializer(LocalDate.class, new Writer());
    addDeserializer(LocalDate.class, new Reader());
  }

  /** What {@code LocalDate.toString()} gives, which is ISO-8601's extended form. */
  private static final class Writer extends StdSerializer<LocalDate> {
    Writer() {
      super(LocalDate.class);
    }

    @Override
    public void serialize(LocalDate value, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      json.writeString(value.toString());
    }
  }

  /** The common shape here; anything else to the JSR-310 module's deserializer as it is. */
  private static final class Reader extends StdScalarDeserializer<LocalDate> {
    Reader() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser json, DeserializationContext context)
        throws IOException {
      if (json.hasToken(JsonToken.VALUE_STRING) && json.getTextLength() == 10) {
        Optional<LocalDate> date = TradeDates.iso(json.getText());
        if (date.isPresent()) {
          return date.get();
        }
      }
      return LocalDateDeserializer.INSTANCE.deserialize(json, context);
    }
  }
}
