package dev.tradeflow.model;

/** Stable reason codes for rejected trades. Codes never change meaning once published. */
public enum RejectReason {
  MALFORMED_EVENT(
      "the CloudEvent envelope is unreadable, incomplete or of a type this stage does not take"),
  PAYLOAD_TOO_LARGE("the message is larger than the configured limit"),
  EMPTY_PAYLOAD("the message has no content"),
  UNSUPPORTED_FORMAT("the message format is not one parse reads"),
  UNSUPPORTED_MESSAGE(
      "the message is well-formed but is not a trade parse books, such as a FIX order"),
  MALFORMED_PAYLOAD("the message is not well-formed"),
  MISSING_FIELD("a required field is missing"),
  INVALID_FIELD("a field has a value of the wrong type or range"),
  UNKNOWN_FIELD("the message has a field the format does not define"),
  LOWER_VERSION("a higher version of this trade is already stored"),
  UNKNOWN_TRADE("a cancel names a trade the store does not hold"),
  MATURITY_IN_PAST("the maturity date is before the business date"),
  UNKNOWN_COUNTERPARTY("no reference data for the counterparty"),
  UNKNOWN_BOOK("no reference data for the book"),
  UNKNOWN_INSTRUMENT("no reference data for the instrument of a trade with economics"),
  UNKNOWN_FX_RATE("no FX rate from the instrument's currency to the reporting currency"),
  INTERNAL_ERROR("tradeflow failed to process the message");

  private final String meaning;

  RejectReason(String meaning) {
    this.meaning = meaning;
  }

  public String meaning() {
    return meaning;
  }
}
