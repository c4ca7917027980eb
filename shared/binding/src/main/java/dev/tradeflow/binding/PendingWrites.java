package dev.tradeflow.binding;

import dev.tradeflow.events.CloudEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The state writes one input, or one batch of inputs, has sent to Kafka. Nothing is acknowledged,
 * and no emitted event is sent, before {@link #awaitAll} returns: so a whole batch waits for Kafka
 * once instead of once per record.
 */
public final class PendingWrites {

  private final List<CompletableFuture<?>> writes = new ArrayList<>();
  private final Map<Object, Function<PendingWrites, List<CloudEvent>>> oncePerUnit =
      new LinkedHashMap<>();
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

  /**
   * Holds back a write of the latest value under {@code key} (an aggregate, say) until the end of
   * the unit of work: however many inputs of the unit register one, only the last one registered
   * runs, once, in {@link #sendHeldBack}. A Kafka poll batch thus writes each aggregate it moved
   * once, as a Kafka Streams table's cache does between commits; a unit of one input writes it
   * once, as before.
   */
  public void oncePerUnit(Object key, Function<PendingWrites, List<CloudEvent>> send) {
    oncePerUnit.put(key, send);
  }

  /** Runs what {@link #oncePerUnit} held back, each key's last, and returns their events. */
  public List<CloudEvent> sendHeldBack() {
    if (oncePerUnit.isEmpty()) {
      return List.of();
    }
    List<CloudEvent> events = new ArrayList<>();
    for (Function<PendingWrites, List<CloudEvent>> send : oncePerUnit.values()) {
      events.addAll(send.apply(this));
    }
    oncePerUnit.clear();
    return events;
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
