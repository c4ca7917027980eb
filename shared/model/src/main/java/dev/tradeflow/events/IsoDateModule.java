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
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Dates as {@code yyyy-MM-dd}, read and written without {@code DateTimeFormatter} on that shape:
 * the JSR-310 module's date deserializer was the largest single allocation of validate's handler
 * (JFR). Anything else (another shape, a date that does not exist, a number) goes to the JSR-310
 * module's own handling, so answers and errors stay the same; {@code IsoDateModuleTest} holds them
 * to it.
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
        LocalDate date = isoDate(json.getTextCharacters(), json.getTextOffset());
        if (date != null) {
          return date;
        }
      }
      return LocalDateDeserializer.INSTANCE.deserialize(json, context);
    }
  }

  /** The date in {@code yyyy-MM-dd} at {@code at}, or null if it is not one. */
  static LocalDate isoDate(char[] text, int at) {
    int year = digits(text, at, 4);
    int month = digits(text, at + 5, 2);
    int day = digits(text, at + 8, 2);
    if (year < 0 || month < 0 || day < 0 || text[at + 4] != '-' || text[at + 7] != '-') {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException notADate) {
      return null;
    }
  }

  private static int digits(char[] text, int at, int count) {
    int value = 0;
    for (int i = at; i < at + count; i++) {
      char c = text[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
