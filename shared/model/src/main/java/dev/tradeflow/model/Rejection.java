package dev.tradeflow.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Payloads;

/**
 * Why a trade was not taken, carried by {@code tradeflow.trade.rejected}. {@code location} says
 * where in the input the fault is (a JSON pointer, FIX tag or XML path) when there is one; {@code
 * originalPayload} is the input exactly as received, so nothing is lost.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejection(
    String tradeId,
    Stage stage,
    RejectReason reason,
    String message,
    String location,
    String originalContentType,
    String originalPayload) {

  /**
   * The one way a stage builds a rejection: the input it refused is kept as received ({@link
   * Payloads#preserve}: text as it is, anything else as base64).
   */
  public static Rejection of(
      Stage stage,
      String tradeId,
      RejectReason reason,
      String message,
      String location,
      String contentType,
      byte[] payload) {
    return new Rejection(
        tradeId, stage, reason, message, location, contentType, Payloads.preserve(payload));
  }

  /** A rejection of the input {@code cause} carried. */
  public static Rejection of(
      Stage stage,
      CloudEvent cause,
      String tradeId,
      RejectReason reason,
      String message,
      String location) {
    return of(stage, tradeId, reason, message, location, cause.dataContentType(), cause.data());
  }
}
