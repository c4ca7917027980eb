package dev.tradeflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoDateModuleTest {

  /** The JSR-310 module alone: what tradeflow's dates must read and write exactly as. */
  private static final ObjectMapper JSR310 =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  record Dated(LocalDate date) {}

  @Test
  void tradeflowsMapperTakesTheseForDates() throws Exception {
    ObjectMapper mapper = Json.mapper();
    assertThat(
            mapper
                .getSerializerProviderInstance()
                .findValueSerializer(LocalDate.class)
                .getClass()
                .getEnclosingClass())
        .isEqualTo(IsoDateModule.class);
    assertThat(
            ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createDummyInstance(mapper.getDeserializationConfig())
                .findRootValueDeserializer(mapper.constructType(LocalDate.class))
                .getClass()
                .getEnclosingClass())
        .isEqualTo(IsoDateModule.class);
  }

  @Test
  void writesAndReadsDatesAsTheJsr310ModuleDoes() throws Exception {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      LocalDate date = LocalDate.ofEpochDay(random.nextLong(-800_000, 3_000_000));
      Dated dated = new Dated(date);
      String json = Json.mapper().writeValueAsString(dated);
      assertThat(json).isEqualTo(JSR310.writeValueAsString(dated));
      assertThat(Json.mapper().readValue(json, Dated.class)).isEqualTo(dated);
    }
  }

  @Test
  void answersWhatIsNotAPlainIsoDateAsTheJsr310ModuleDoes() {
    List<String> values =
        List.of(
            "\"2027-02-30\"",
            "\"2027-13-01\"",
            "\"2027-00-10\"",
            "\"2028-02-29\"",
            "\"2027-5-20\"",
            "\"2027/05/20\"",
            "\"20270520xx\"",
            "\"2027-05-2x\"",
            "\"+2027-05-2\"",
            "\"-0001-05-20\"",
            "\"2027-05-20T10:15:30\"",
            "\"2027-05-20T10:15:30Z\"",
            "\" 2027-05-20\"",
            "\"\"",
            "null",
            "20270520",
            "[2027,5,20]",
            "{\"year\":2027}");
    for (String value : values) {
      String json = "{\"date\":" + value + "}";
      assertThat(outcome(Json.mapper(), json)).as(json).isEqualTo(outcome(JSR310, json));
    }
  }

  private static String outcome(ObjectMapper mapper, String json) {
    try {
      return "read " + mapper.readValue(json, Dated.class);
    } catch (Exception e) {
      return "refused " + e.getClass().getSimpleName();
    }
  }
}
