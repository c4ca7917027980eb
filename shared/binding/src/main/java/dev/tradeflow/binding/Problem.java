package dev.tradeflow.binding;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tradeflow.model.FieldError;
import java.util.List;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}. {@code reason}, {@code
 * location} and {@code errors} are tradeflow's extensions: the stable reason code of a rejected
 * trade, where in the input the fault is, and each fault (row, field, reason) of data that has
 * several, such as a bulk load of reference data.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    @JsonProperty("type") String type,
    @JsonProperty("title") String title,
    @JsonProperty("status") int status,
    @JsonProperty("detail") String detail,
    @JsonProperty("reason") String reason,
    @JsonProperty("location") String location,
    @JsonProperty("errors") List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem badEvent(String detail, List<FieldError> errors) {
    return new Problem(
        "https://tradeflow.dev/problems/malformed-cloudevent",
        "Malformed CloudEvent",
        400,
        detail,
        null,
        null,
        errors);
  }

  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail, null, null, null);
  }

  public static Problem rejectedTrade(String reason, String detail, String location) {
    return new Problem(
        "https://tradeflow.dev/problems/rejected-trade",
        "Trade rejected",
        400,
        detail,
        reason,
        location,
        null);
  }

  /** Reference data with faults: each is listed, and none of the request was applied. */
  public static Problem invalidReferenceData(String detail, List<FieldError> errors) {
    return new Problem(
        "https://tradeflow.dev/problems/invalid-reference-data",
        "Invalid reference data",
        400,
        detail,
        null,
        null,
        errors);
  }

  /** 413 with the reason code a too-large trade is rejected with. */
  public static Problem tooLarge(String reason, String detail) {
    return new Problem("about:blank", "Payload too large", 413, detail, reason, null, null);
  }
}
