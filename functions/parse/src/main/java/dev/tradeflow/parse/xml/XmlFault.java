package dev.tradeflow.parse.xml;

import dev.tradeflow.model.RejectReason;

/** Why an XML document was refused, and at which element: thrown inside this package only. */
final class XmlFault extends RuntimeException {

  private final RejectReason reason;
  private final String location;

  XmlFault(RejectReason reason, String location, String message) {
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
