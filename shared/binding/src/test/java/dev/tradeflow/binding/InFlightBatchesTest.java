package dev.tradeflow.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeflow.binding.InFlightBatches.Retry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InFlightBatchesTest {

  private final List<String> acknowledged = new CopyOnWriteArrayList<>();
  private final InFlightBatches<String> window = new InFlightBatches<>(3, acknowledged::add);

  @Test
  void aBatchIsAcknowledgedWhenItsWritesAre_inWhateverOrderKafkaAnswers() {
    CompletableFuture<Void> first = new CompletableFuture<>();
    CompletableFuture<Void> second = new CompletableFuture<>();
    window.add("b1", first);
    window.add("b2", second);

    second.complete(null);
    assertThat(acknowledged).containsExactly("b2");
    assertThat(window.size()).as("b2 is held behind b1, still in flight").isEqualTo(2);
    first.complete(null);
    assertThat(acknowledged).containsExactly("b2", "b1");
    assertThat(window.size()).isZero();
    assertThat(window.hasRefused()).isFalse();
  }

  @Test
  void fromTheOldestRefusedBatchOnEveryBatchIsHandedBack_inOrder_onceNothingIsInFlight() {
    CompletableFuture<Void> first = new CompletableFuture<>();
    CompletableFuture<Void> second = new CompletableFuture<>();
    CompletableFuture<Void> third = new CompletableFuture<>();
    CompletableFuture<Void> fourth = new CompletableFuture<>();
    window.add("b1", first);
    window.add("b2", second);
    window.add("b3", third);

    first.complete(null);
    fourth.complete(null);
    third.complete(null);
    second.completeExceptionally(new RuntimeException("refused"));
    assertThat(window.hasRefused()).isTrue();
    CompletableFuture<Void> stillInFlight = new CompletableFuture<>();
    window.add("b4", stillInFlight);
    // b4 is in flight: one of its writes may yet land, so nothing is handed back
    assertThat(window.takeForRetry(Duration.ofMillis(50))).isNull();

    window.add("b5", fourth);
    window.add("b6", CompletableFuture.failedFuture(new RuntimeException("refused")));
    stillInFlight.complete(null);
    assertThat(acknowledged).containsExactly("b1", "b3", "b5", "b4");
    assertThat(window.takeForRetry(Duration.ofSeconds(1)))
        .extracting(Retry::batch)
        .containsExactly("b2", "b3", "b4", "b5", "b6");
  }

  @Test
  void refusedAndLaterBatchesComeBackWithWhetherTheyWereAcknowledged() {
    CompletableFuture<Void> refused = new CompletableFuture<>();
    window.add("b1", CompletableFuture.completedFuture(null));
    window.add("b2", refused);
    window.add("b3", CompletableFuture.completedFuture(null));
    refused.completeExceptionally(new RuntimeException("refused"));

    assertThat(window.takeForRetry(Duration.ofSeconds(1)))
        .containsExactly(new Retry<>("b2", false), new Retry<>("b3", true));
    assertThat(acknowledged).containsExactly("b1", "b3");
    assertThat(window.hasRefused()).isFalse();
    assertThat(window.size()).isZero();
    assertThat(window.takeForRetry(Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void handlingWaitsForRoomOnceTheLimitIsHeld() throws Exception {
    CompletableFuture<Void> first = new CompletableFuture<>();
    window.add("b1", first);
    window.add("b2", new CompletableFuture<>());
    window.add("b3", CompletableFuture.completedFuture(null));

    CompletableFuture<Boolean> room = CompletableFuture.supplyAsync(window::awaitRoom);
    Thread.sleep(100);
    assertThat(room).isNotDone();
    first.complete(null);
    assertThat(room.get(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void atLeastOneBatchMustBeAllowed() {
    assertThatThrownBy(() -> new InFlightBatches<String>(0, b -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
