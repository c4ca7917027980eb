package dev.tradeflow.binding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The batches a Kafka binding has handled whose writes (state and events) Kafka has not yet all
 * answered, oldest first. Handling goes on while they are in flight, up to a bound; each batch is
 * acknowledged as soon as all its writes are, whatever the order (the commit strategy commits an
 * offset only once every record before it is acknowledged).
 *
 * <p>When a batch has a write refused, it and every batch handled after it must be handled again,
 * in their order: the later ones were decided on state holding the refused write, and handling only
 * the failed one again would put its events behind theirs. {@link #takeForRetry} hands them over
 * once nothing is in flight any more.
 *
 * <p>Plain Java, no Kafka: {@code B} is whatever the binding acknowledges.
 */
public final class InFlightBatches<B> {

  /** A batch to handle again; {@code acknowledged} if Kafka took its writes the first time. */
  public record Retry<B>(B batch, boolean acknowledged) {}

  private enum State {
    IN_FLIGHT,
    WRITTEN,
    REFUSED
  }

  private final int limit;
  private final Consumer<B> acknowledge;
  private final TreeMap<Long, B> batches = new TreeMap<>();
  private final TreeMap<Long, State> states = new TreeMap<>();
  private long added;
  private int inFlight;
  private int refused;

  /**
   * @param limit how many batches may be held at once, in flight or written behind one that is not;
   *     {@link #awaitRoom} waits beyond it
   * @param acknowledge called once per batch whose writes Kafka has all taken, on the thread that
   *     completed the last of them
   */
  public InFlightBatches(int limit, Consumer<B> acknowledge) {
    if (limit < 1) {
      throw new IllegalArgumentException("at least one batch must be allowed in flight");
    }
    this.limit = limit;
    this.acknowledge = acknowledge;
  }

  /** Holds {@code batch} until {@code written} completes: then acknowledged, or refused. */
  public void add(B batch, CompletableFuture<?> written) {
    long order;
    synchronized (this) {
      order = added++;
      batches.put(order, batch);
      states.put(order, State.IN_FLIGHT);
      inFlight++;
    }
    written.whenComplete((ok, error) -> settled(order, batch, error == null));
  }

  private void settled(long order, B batch, boolean written) {
    synchronized (this) {
      inFlight--;
      if (written) {
        states.put(order, State.WRITTEN);
        forgetWrittenPrefix();
      } else {
        states.put(order, State.REFUSED);
        refused++;
      }
      notifyAll();
    }
    if (written) {
      acknowledge.accept(batch);
    }
  }

  /** Batches written with nothing older still open need no keeping. */
  private void forgetWrittenPrefix() {
    while (!states.isEmpty() && states.firstEntry().getValue() == State.WRITTEN) {
      batches.remove(states.pollFirstEntry().getKey());
    }
  }

  /** Waits until fewer than the limit are held; false if interrupted. */
  public synchronized boolean awaitRoom() {
    try {
      while (states.size() >= limit) {
        wait();
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** True once a batch had a write refused and has not been taken back by {@link #takeForRetry}. */
  public synchronized boolean hasRefused() {
    return refused > 0;
  }

  /** How many batches are held: in flight, refused, or written behind one of those. */
  public synchronized int size() {
    return states.size();
  }

  /** Waits, up to {@code patience}, until Kafka has answered every write in flight. */
  public synchronized boolean awaitNoneInFlight(Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    try {
      while (inFlight > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        wait(Math.max(1, left / 1_000_000));
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Waits, up to {@code patience}, until no batch is in flight, then hands over the oldest refused
   * batch and every batch after it, in order, and forgets them. Handling them again on state that
   * no longer holds the refused writes is then safe. Returns null if the wait ran out: some write
   * may still land, so nothing may be handled again yet.
   */
  public List<Retry<B>> takeForRetry(Duration patience) {
    synchronized (this) {
      if (!awaitNoneInFlight(patience)) {
        return null;
      }
      List<Retry<B>> retries = new ArrayList<>();
      for (Iterator<Map.Entry<Long, State>> it = states.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<Long, State> entry = it.next();
        retries.add(new Retry<>(batches.remove(entry.getKey()), entry.getValue() == State.WRITTEN));
        it.remove();
      }
      refused = 0;
      notifyAll();
      return retries;
    }
  }
}
