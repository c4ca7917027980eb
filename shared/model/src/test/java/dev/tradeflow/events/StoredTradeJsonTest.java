package dev.tradeflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeflow.model.Economics;
import dev.tradeflow.model.Side;
import dev.tradeflow.model.StoredTrade;
import dev.tradeflow.model.Trade;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StoredTradeJsonTest {

  @Test
  void readsWhatJsonWritesExactlyAsDatabindDoes() {
    Random random = new Random(42);
    for (int i = 0; i < 5_000; i++) {
      StoredTrade stored = randomTrade(random, i);
      byte[] json = Json.write(stored);
      StoredTrade fast = StoredTradeJson.read(json);
      assertThat(fast).isEqualTo(Json.read(json, StoredTrade.class)).isEqualTo(stored);
    }
  }

  @Test
  void ignoresUnknownFieldsAsDatabindDoes() {
    String json =
        "{\"trade\":{\"trade_id\":\"T\",\"version\":2,\"counterparty_id\":\"C\",\"book_id\":\"B\","
            + "\"maturity_date\":\"2027-01-31\",\"colour\":{\"a\":[1,2]},\"expired\":true},"
            + "\"revision\":9,\"later\":[1]}";
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    assertThat(StoredTradeJson.read(bytes)).isEqualTo(Json.read(bytes, StoredTrade.class));
  }

  @Test
  void refusesWhatIsNotAStoredTrade() {
    assertThatThrownBy(() -> StoredTradeJson.read("[1]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(
            () ->
                StoredTradeJson.read(
                    "{\"trade\":{\"version\":1}}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(NullPointerException.class);
  }

  static StoredTrade randomTrade(Random random, int i) {
    Economics economics =
        random.nextBoolean()
            ? null
            : new Economics(
                random.nextBoolean() ? null : "XS" + random.nextInt(1_000_000),
                random.nextBoolean() ? Side.BUY : Side.SELL,
                BigDecimal.valueOf(random.nextLong(1, 10_000_000_000L), random.nextInt(4)),
                random.nextBoolean()
                    ? null
                    : new BigDecimal(random.nextInt(100_000) + "." + random.nextInt(1000)),
                "EUR");
    Trade trade =
        new Trade(
            "T-\"" + i + "\\é",
            random.nextInt(1000),
            "CP-" + random.nextInt(50),
            "B-" + random.nextInt(9),
            LocalDate.of(2000 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28)),
            random.nextBoolean() ? null : LocalDate.of(2026, 11, 21),
            random.nextBoolean(),
            economics);
    return new StoredTrade(trade, random.nextLong(1, Long.MAX_VALUE));
  }
}
