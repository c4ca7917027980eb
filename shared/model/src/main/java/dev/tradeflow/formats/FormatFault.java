package dev.tradeflow.formats;

import dev.tradeflow.model.RejectReason;

/**
 * Why an input was refused, and where: thrown inside a format's reader to stop at the first fault,
 * and turned into a {@link Decoded.Fault} at its edge. No stack trace is filled in: faults are
 * ordinary outcomes, not bugs.
 */
public final class FormatFault extends RuntimeException {

  private final RejectReason reason;
  private final String location;

  public FormatFault(RejectReason reason, String location, String message) {
    super(message, null, false, false);
    this.reason = reason;
    this.location = location;
  }

  public RejectReason reason() {
    return reason;
  }

  public String location() {
    return location;
  }

  /** The fault as a decoding result, with the trade id when it was read before the fault. */
  public Decoded.Fault toDecoded(String tradeId) {
    return new Decoded.Fault(tradeId, reason, getMessage(), location);
  }
}
