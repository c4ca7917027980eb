package dev.tradeflow.events;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Keeps an original payload in a rejection: as text when it is UTF-8, else as base64. */
public final class Payloads {

  public static final String BASE64_PREFIX = "base64:";

  private Payloads() {}

  public static String preserve(byte[] payload) {
    if (payload == null) {
      return "";
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(payload))
          .toString();
    } catch (CharacterCodingException notText) {
      return BASE64_PREFIX + Base64.getEncoder().encodeToString(payload);
    }
  }
}
