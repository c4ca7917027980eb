package dev.tradeflow.binding;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An RFC 9457 problem detail, served as {@code application/problem+json}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    @JsonProperty("type") String type,
    @JsonProperty("title") String title,
    @JsonProperty("status") int status,
    @JsonProperty("detail") String detail,
    @JsonProperty("instance") String instance) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem badEvent(String detail) {
    return new Problem(
        "https://tradeflow.dev/problems/malformed-cloudevent",
        "Malformed CloudEvent",
        400,
        detail,
        null);
  }

  public static Problem badRequest(String title, String detail) {
    return new Problem("about:blank", title, 400, detail, null);
  }
}
