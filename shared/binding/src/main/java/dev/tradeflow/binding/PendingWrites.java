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
  private volatile boolean refused;

  public PendingWrites(Duration timeout) {
    this.timeout = timeout;
  }

  public void add(CompletableFuture<?> write) {
    writes.add(write);
    write.whenComplete(
        (ok, error) -> {
          if (error != null) {
            refused = true;
          }
        });
  }

  /** True once Kafka has refused one of these writes: {@link #awaitAll} will throw. */
  public boolean refused() {
    return refused;
  }

  public int size() {
    return writes.size();
  }

  /** Waits until Kafka has acknowledged every write, or throws {@link StateWriteException}. */
  public void awaitAll() {
    try {
      all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new StateWriteException("Kafka did not take a state change: " + e.getCause(), e);
    } catch (TimeoutException e) {
      throw new StateWriteException("Kafka did not acknowledge state changes in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateWriteException("interrupted while writing state", e);
    }
  }

  /**
   * Waits, up to {@code limit}, until every write has an answer from Kafka, failed or not; true if
   * they all have. A write Kafka refused has been rolled back by then, so the inputs behind these
   * writes can be handled again on state that no longer holds them.
   */
  public boolean settle(Duration limit) {
    try {
      all().handle((ok, failed) -> null).get(limit.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Completes once Kafka has acknowledged every write, or fails with the first refusal. */
  public CompletableFuture<Void> all() {
    return CompletableFuture.allOf(writes.toArray(CompletableFuture<?>[]::new));
  }
}
