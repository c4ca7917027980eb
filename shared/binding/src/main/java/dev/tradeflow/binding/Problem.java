package dev.tradeflow.binding;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}. {@code reason} and {@code
 * location} are tradeflow's extensions: the stable reason code of a rejected trade, and where in
 * the input the fault is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    @JsonProperty("type") String type,
    @JsonProperty("title") String title,
    @JsonProperty("status") int status,
    @JsonProperty("detail") String detail,
    @JsonProperty("reason") String reason,
    @JsonProperty("location") String location) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem badEvent(String detail) {
    return new Problem(
        "https://tradeflow.dev/problems/malformed-cloudevent",
        "Malformed CloudEvent",
        400,
        detail,
        null,
        null);
  }

  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail, null, null);
  }

  public static Problem rejectedTrade(String reason, String detail, String location) {
    return new Problem(
        "https://tradeflow.dev/problems/rejected-trade",
        "Trade rejected",
        400,
        detail,
        reason,
        location);
  }

  /** 413 with the reason code a too-large trade is rejected with. */
  public static Problem tooLarge(String reason, String detail) {
    return new Problem("about:blank", "Payload too large", 413, detail, reason, null);
  }
}
