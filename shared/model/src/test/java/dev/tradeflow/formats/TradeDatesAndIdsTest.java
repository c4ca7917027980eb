package dev.tradeflow.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradeDatesAndIdsTest {

  @ParameterizedTest
  @CsvSource({
    "2027-05-20, 2027-05-20",
    "20/05/2027, 2027-05-20",
    "2028-02-29, 2028-02-29",
    "29/02/2028, 2028-02-29",
    "2027-02-29, ",
    "2027-02-30, ",
    "31/04/2027, ",
    "2027-13-01, ",
    "2027-5-20, ",
    "2027/05/20, ",
    "05/20/2027x, ",
    "+027-05-20, ",
    "2027-05-2O, ",
    "'', ",
  })
  void datesAreReadStrictlyInTwoForms(String text, String expected) {
    Optional<LocalDate> date = TradeDates.parse(text);
    if (expected == null) {
      assertThat(date).as(text).isEmpty();
    } else {
      assertThat(date).as(text).contains(LocalDate.parse(expected));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "T1, true",
    "CP-1, true",
    "a.b_c:d/e-f, true",
    "-T1, false",
    "T 1, false",
    "T1é, false",
    "'', false",
  })
  void idsAreLettersDigitsAndAFewMarks(String text, boolean valid) {
    assertThat(TradeIds.isId(text)).as(text).isEqualTo(valid);
  }

  @Test
  void idsAreAtMost64Long() {
    assertThat(TradeIds.isId("A".repeat(64))).isTrue();
    assertThat(TradeIds.isId("A".repeat(65))).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"EUR, true", "eur, false", "EU, false", "EURO, false", "E1R, false"})
  void currenciesAreThreeCapitals(String text, boolean valid) {
    assertThat(TradeIds.isCurrency(text)).as(text).isEqualTo(valid);
  }
}
