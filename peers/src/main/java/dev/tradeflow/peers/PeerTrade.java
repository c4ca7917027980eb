package dev.tradeflow.peers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;

/**
 * A trade as the Kafka Streams peer reads it from the same JSON tradeflow takes: the five fields
 * the trade store's rules and the aggregation need, plus its outcome on the way through.
 */
public record PeerTrade(
    String tradeId,
    int version,
    String counterpartyId,
    String bookId,
    LocalDate maturityDate,
    String rejection) {

  static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

  /** Reads a trade; one that cannot be read comes back rejected, with why. */
  static PeerTrade read(String key, byte[] json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      return new PeerTrade(
          node.path("trade_id").asText(key),
          node.path("version").intValue(),
          node.path("counter_party_id").textValue(),
          node.path("book_id").textValue(),
          LocalDate.parse(node.path("maturity_date").asText()),
          null);
    } catch (IOException | RuntimeException e) {
      return new PeerTrade(key, 0, null, null, null, "MALFORMED: " + e.getMessage());
    }
  }

  @JsonIgnore
  PeerTrade rejected(String why) {
    return new PeerTrade(tradeId, version, counterpartyId, bookId, maturityDate, why);
  }

  @JsonIgnore
  boolean isRejected() {
    return rejection != null;
  }
}
