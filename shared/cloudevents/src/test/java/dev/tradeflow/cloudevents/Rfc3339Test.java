package dev.tradeflow.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path gives {@code java.time}'s answers: the same value, text or exception. */
class Rfc3339Test {

  private static final List<ZoneOffset> OFFSETS =
      List.of(
          ZoneOffset.UTC,
          ZoneOffset.ofHoursMinutes(1, 30),
          ZoneOffset.ofHours(-5),
          ZoneOffset.ofHoursMinutes(-9, -45),
          ZoneOffset.ofHours(18),
          ZoneOffset.ofHoursMinutesSeconds(2, 0, 30));

  @Test
  void randomTimesFormatAndParseAsJavaTimeDoes() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      OffsetDateTime time =
          OffsetDateTime.of(
              random.nextInt(10_100) - 50,
              1 + random.nextInt(12),
              1 + random.nextInt(28),
              random.nextInt(24),
              random.nextInt(60),
              random.nextInt(60),
              nanos(random),
              OFFSETS.get(random.nextInt(OFFSETS.size())));
      String expected = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
      assertThat(Rfc3339.format(time)).isEqualTo(expected);
      assertThat(new String(Rfc3339.formatAscii(time), StandardCharsets.US_ASCII))
          .isEqualTo(expected);
      assertThat(Rfc3339.parse(expected)).isEqualTo(OffsetDateTime.parse(expected));
      assertThat(Rfc3339.parse(ascii(expected))).isEqualTo(OffsetDateTime.parse(expected));
    }
  }

  private static int nanos(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> 0;
      case 1 -> random.nextInt(1000) * 1_000_000;
      case 2 -> random.nextInt(1_000_000) * 1000;
      default -> random.nextInt(1_000_000_000);
    };
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-12-01T23:00:00Z",
        "2026-12-01t23:00:00z",
        "2026-12-01T23:00:00.5-00:00",
        "2026-12-01T23:00:00.Z",
        "2026-12-01T23:00:00.123456789+14:00",
        "+12026-12-01T23:00:00Z",
        "2026-12-01T23:00:00+01:00:30"
      })
  void acceptsWhatJavaTimeAccepts(String text) {
    assertThat(Rfc3339.parse(text)).isEqualTo(OffsetDateTime.parse(text));
    assertThat(Rfc3339.parse(ascii(text))).isEqualTo(OffsetDateTime.parse(text));
  }

  /** The text as a Kafka header's bytes are read in place. */
  private static CharSequence ascii(String text) {
    return AsciiText.of(text.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2026-12-01",
        "2026-13-01T23:00:00Z",
        "2026-02-30T23:00:00Z",
        "2026-12-01T24:00:00Z",
        "2026-12-01T23:60:00Z",
        "2026-12-01T23:00:60Z",
        "2026-12-01T23:00:00",
        "2026-12-01T23:00:00.1234567890Z",
        "2026-12-01T23:00:00+19:00",
        "2026-12-01T23:00:00+01:60",
        "2026-12-01T23:00:00*01:00",
        "2026-12-01T23:00:00ZZ",
        "2026-12-01 23:00:00Z",
        "2O26-12-01T23:00:00Z",
        "2026-12-01T23:00:00+0100"
      })
  void refusesWhatJavaTimeRefuses(String text) {
    assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> Rfc3339.parse(text)).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> Rfc3339.parse(ascii(text))).isInstanceOf(DateTimeException.class);
  }

  @Test
  void aMalformedTimeAttributeIsAMalformedEvent() {
    assertThatThrownBy(() -> CloudEventAttributes.time("2026-02-30T23:00:00Z"))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("not an RFC 3339 timestamp");
  }
}
