package dev.tradeflow.parse;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides a payload's format: from {@code datacontenttype} when the event has one, else by sniffing
 * the first significant bytes (Knative's KafkaSource may deliver records with no content type).
 */
public final class FormatDetector {

  private FormatDetector() {}

  public static Optional<TradeFormat> detect(String contentType, byte[] payload) {
    if (contentType == null || contentType.isBlank() || isGeneric(contentType)) {
      return sniff(payload);
    }
    return fromContentType(contentType);
  }

  static Optional<TradeFormat> fromContentType(String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
    if (type.equals("application/json") || type.endsWith("+json")) {
      return Optional.of(TradeFormat.JSON);
    }
    if (type.equals("application/xml") || type.equals("text/xml") || type.endsWith("+xml")) {
      return Optional.of(TradeFormat.XML);
    }
    if (type.equals("application/fix") || type.equals("text/fix")) {
      return Optional.of(TradeFormat.FIX);
    }
    return Optional.empty();
  }

  /** Content types that say nothing about the format: the content decides. */
  static boolean isGeneric(String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
    return type.equals("text/plain") || type.equals("application/octet-stream");
  }

  static Optional<TradeFormat> sniff(byte[] payload) {
    int i = 0;
    if (payload.length >= 3
        && (payload[0] & 0xFF) == 0xEF
        && (payload[1] & 0xFF) == 0xBB
        && (payload[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    while (i < payload.length && Character.isWhitespace(payload[i])) {
      i++;
    }
    if (i >= payload.length) {
      return Optional.empty();
    }
    byte first = payload[i];
    if (first == '{' || first == '[') {
      return Optional.of(TradeFormat.JSON);
    }
    if (first == '<') {
      return Optional.of(TradeFormat.XML);
    }
    if (payload.length - i >= 2 && first == '8' && payload[i + 1] == '=') {
      return Optional.of(TradeFormat.FIX);
    }
    return Optional.empty();
  }
}
