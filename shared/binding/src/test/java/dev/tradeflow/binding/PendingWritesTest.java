package dev.tradeflow.binding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.events.CloudEvent;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What a unit of work holds back runs once per key, the last registered, at the end. */
class PendingWritesTest {

  private static CloudEvent event(String subject) {
    return new CloudEvent(
        subject, "/test", "t", subject, OffsetDateTime.now(), "application/json", subject, null);
  }

  @Test
  void onlyEachKeysLastHeldBackWriteRunsAndOnlyOnce() {
    PendingWrites writes = new PendingWrites(Duration.ofSeconds(1));
    List<String> ran = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      String seen = "book " + i;
      writes.oncePerUnit(
          "book",
          unit -> {
            ran.add(seen);
            unit.add(CompletableFuture.completedFuture(null));
            return List.of(event(seen));
          });
    }
    writes.oncePerUnit(
        "counterparty",
        unit -> {
          ran.add("counterparty");
          return List.of(event("counterparty"));
        });
    assertThat(writes.size()).isZero();

    List<CloudEvent> events = writes.sendHeldBack();

    assertThat(ran).containsExactly("book 3", "counterparty");
    assertThat(events).extracting(CloudEvent::subject).containsExactly("book 3", "counterparty");
    assertThat(writes.size()).isEqualTo(1);
    assertThat(writes.sendHeldBack()).isEmpty();
    assertThat(ran).hasSize(2);
  }

  @Test
  void nothingHeldBackSendsNothing() {
    assertThat(new PendingWrites(Duration.ofSeconds(1)).sendHeldBack()).isEmpty();
  }
}
