package dev.tradeflow.parse.fix;

import dev.tradeflow.model.RejectReason;

/** Why a FIX message was refused, and where: thrown inside this package only, without a trace. */
final class FixFault extends RuntimeException {

  private final RejectReason reason;
  private final String location;

  FixFault(RejectReason reason, String location, String message) {
    super(message, null, false, false);
    this.reason = reason;
    this.location = location;
  }

  RejectReason reason() {
    return reason;
  }

  String location() {
    return location;
  }
}
