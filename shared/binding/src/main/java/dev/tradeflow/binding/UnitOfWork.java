package dev.tradeflow.binding;

import dev.tradeflow.events.CloudEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * One input, or one batch of inputs, on its way through the function: every decision made in it
 * adds its state writes here, and says which of its events go to Kafka. {@link EventDispatcher#run}
 * waits for the writes, then sends those events, and only then does the binding acknowledge.
 */
public final class UnitOfWork {

  private final EventDispatcher dispatcher;
  private final Binding binding;
  private final PendingWrites writes;
  private final List<CloudEvent> toPublish = new ArrayList<>();

  UnitOfWork(EventDispatcher dispatcher, Binding binding, PendingWrites writes) {
    this.dispatcher = dispatcher;
    this.binding = binding;
    this.writes = writes;
  }

  public Binding binding() {
    return binding;
  }

  /** The state writes of this unit so far; a binding adds its own (a dead letter, say). */
  public PendingWrites writes() {
    return writes;
  }

  /** One event through the function's handler: type checked, timed and counted. */
  public List<CloudEvent> handle(CloudEvent event) {
    return dispatcher.handle(event, binding, writes);
  }

  /**
   * A decision the function takes on its own API's input (a REST request) rather than through its
   * handler. {@code cause} stands for the request, and its type must be one the function consumes:
   * it is checked, timed and counted like any other input. {@code emitted} says which events the
   * decision emits (they are counted; publishing them is the caller's choice).
   */
  public <R> R decide(
      CloudEvent cause,
      Function<PendingWrites, R> decision,
      Function<R, List<CloudEvent>> emitted) {
    return dispatcher.decide(cause, binding, () -> decision.apply(writes), emitted);
  }

  /**
   * The end of the unit's inputs: what the handler held back to write once per unit ({@link
   * PendingWrites#oncePerUnit}) is written now, and its events (counted) are returned.
   */
  public List<CloudEvent> endOfInputs() {
    return dispatcher.heldBack(binding, writes);
  }

  /** These events go to Kafka once the unit's state writes are acknowledged. */
  public void publish(Collection<CloudEvent> events) {
    toPublish.addAll(events);
  }

  List<CloudEvent> toPublish() {
    return toPublish;
  }
}
