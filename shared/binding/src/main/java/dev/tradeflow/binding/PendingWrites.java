package dev.tradeflow.binding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The state writes one input, or one batch of inputs, has sent to Kafka. Nothing is acknowledged,
 * and no emitted event is sent, before {@link #awaitAll} returns: so a whole batch waits for Kafka
 * once instead of once per record.
 */
public final class PendingWrites {

  private final List<CompletableFuture<?>> writes = new ArrayList<>();
  private final Duration timeout;

  public PendingWrites(Duration timeout) {
    this.timeout = timeout;
  }

  public void add(CompletableFuture<?> write) {
    writes.add(write);
  }

  public int size() {
    return writes.size();
  }

  /** Waits until Kafka has acknowledged every write, or throws {@link EventProcessingException}. */
  public void awaitAll() {
    try {
      CompletableFuture.allOf(writes.toArray(CompletableFuture<?>[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new EventProcessingException("Kafka did not take a state change: " + e.getCause(), e);
    } catch (TimeoutException e) {
      throw new EventProcessingException("Kafka did not acknowledge state changes in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EventProcessingException("interrupted while writing state", e);
    }
  }
}
