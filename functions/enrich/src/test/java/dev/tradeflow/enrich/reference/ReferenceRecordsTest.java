package dev.tradeflow.enrich.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeflow.model.AssetClass;
import dev.tradeflow.model.FieldError;
import dev.tradeflow.model.FxRate;
import dev.tradeflow.model.Instrument;
import dev.tradeflow.model.PriceQuotation;
import dev.tradeflow.model.ReferenceKind;
import dev.tradeflow.model.ReferenceRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceRecordsTest {

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static List<FieldError> faults(Runnable read) {
    try {
      read.run();
    } catch (InvalidReferenceData e) {
      return e.errors();
    }
    throw new AssertionError("no fault found");
  }

  @Test
  void readsAnInstrumentFromJsonKeepingEveryDigit() {
    List<ReferenceRow> rows =
        ReferenceBodies.array(
            utf8(
                """
                [{"id":"US912828Z784","asset_class":"bond","currency":"USD",
                  "price_quotation":"percent_of_par","contract_multiplier":1000,
                  "settlement_days":1},
                 {"id":"ESZ6","asset_class":"future","currency":"USD",
                  "price_quotation":"per_unit","contract_multiplier":"50","settlement_days":0}]
                """),
            10);
    List<ReferenceRecord> read = ReferenceRecords.readAll(ReferenceKind.INSTRUMENTS, rows);
    assertThat(read)
        .containsExactly(
            new Instrument(
                "US912828Z784",
                AssetClass.BOND,
                "USD",
                PriceQuotation.PERCENT_OF_PAR,
                new BigDecimal("1000"),
                1),
            new Instrument(
                "ESZ6",
                AssetClass.FUTURE,
                "USD",
                PriceQuotation.PER_UNIT,
                new BigDecimal("50"),
                0));
    FxRate rate =
        (FxRate)
            ReferenceRecords.read(
                ReferenceKind.FX_RATES,
                ReferenceBodies.row(
                    ReferenceBodies.tree(
                        utf8("{\"currency\":\"EUR\",\"rate\":1.08250000000000000001}")),
                    null));
    assertThat(rate.rate()).isEqualByComparingTo("1.08250000000000000001");
  }

  @Test
  void namesEveryFaultOfEveryRowByRowAndField() {
    List<ReferenceRow> rows =
        ReferenceBodies.array(
            utf8(
                """
                [{"id":"OK-1","asset_class":"equity","currency":"EUR","price_quotation":"per_unit",
                  "contract_multiplier":1,"settlement_days":2},
                 {"id":"bad id!","asset_class":"stock","currency":"eur","price_quotation":"cents",
                  "contract_multiplier":0,"settlement_days":31,"colour":"red"}]
                """),
            10);
    List<FieldError> faults =
        faults(() -> ReferenceRecords.readAll(ReferenceKind.INSTRUMENTS, rows));
    assertThat(faults)
        .extracting(FieldError::row, FieldError::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "id"),
            org.assertj.core.groups.Tuple.tuple(2, "asset_class"),
            org.assertj.core.groups.Tuple.tuple(2, "currency"),
            org.assertj.core.groups.Tuple.tuple(2, "price_quotation"),
            org.assertj.core.groups.Tuple.tuple(2, "contract_multiplier"),
            org.assertj.core.groups.Tuple.tuple(2, "settlement_days"),
            org.assertj.core.groups.Tuple.tuple(2, "colour"));
    assertThat(faults.get(1).reason()).contains("[equity, bond, future");
    assertThat(faults.get(3).reason()).contains("[per_unit, percent_of_par]");
    assertThat(faults.get(4).reason()).contains("greater than zero");
    assertThat(faults.get(6).reason()).contains("is not a field of instruments");
  }

  @Test
  void missingFieldsAndWrongTypesAreNamed() {
    List<FieldError> faults =
        faults(
            () ->
                ReferenceRecords.readAll(
                    ReferenceKind.LIMITS,
                    ReferenceBodies.array(
                        utf8("[{\"amount\":\"lots\"},{\"counterparty_id\":{\"x\":1}}]"), 10)));
    assertThat(faults)
        .extracting(FieldError::toString)
        .containsExactly("row 2, counterparty_id: must be a single value");
    faults =
        faults(
            () ->
                ReferenceRecords.readAll(
                    ReferenceKind.LIMITS,
                    ReferenceBodies.array(utf8("[{\"amount\":\"lots\"},{\"amount\":1e5}]"), 10)));
    assertThat(faults)
        .extracting(FieldError::toString)
        .containsExactly(
            "row 1, counterparty_id: is required",
            "row 1, amount: must be a plain decimal number of at most 32 characters, found 'lots'",
            "row 2, counterparty_id: is required");
  }

  @Test
  void aKeyGivenTwiceInOneRequestIsAFault() {
    List<FieldError> faults =
        faults(
            () ->
                ReferenceRecords.readAll(
                    ReferenceKind.FX_RATES,
                    ReferenceBodies.array(
                        utf8(
                            "[{\"currency\":\"EUR\",\"rate\":1.1},{\"currency\":\"GBP\",\"rate\":1.3},"
                                + "{\"currency\":\"EUR\",\"rate\":1.2}]"),
                        10)));
    assertThat(faults)
        .extracting(FieldError::toString)
        .containsExactly("row 3, currency: 'EUR' is given twice: rows 1 and 3");
  }

  @Test
  void bodiesThatAreNotRowsAreRefusedWhole() {
    assertThat(faults(() -> ReferenceBodies.array(utf8(""), 10)))
        .extracting(FieldError::reason)
        .containsExactly("the body is empty");
    assertThat(faults(() -> ReferenceBodies.array(utf8("{\"id\":\"x\"}"), 10)))
        .extracting(FieldError::reason)
        .containsExactly("the body must be a JSON array of objects");
    assertThat(faults(() -> ReferenceBodies.array(utf8("[1, \"x\"]"), 10)))
        .extracting(FieldError::toString)
        .containsExactly("row 1, must be a JSON object", "row 2, must be a JSON object");
    assertThat(faults(() -> ReferenceBodies.array(utf8("[{\"id\":"), 10)))
        .extracting(FieldError::reason)
        .singleElement()
        .asString()
        .startsWith("the body is not JSON");
    assertThat(faults(() -> ReferenceBodies.array(utf8("[{},{},{}]"), 2)))
        .extracting(FieldError::reason)
        .containsExactly("the request has 3 rows; at most 2 are taken in one request");
    assertThat(faults(() -> ReferenceBodies.array(utf8("[{\"rate\":1e999999999}]"), 2)))
        .extracting(FieldError::toString)
        .containsExactly("row 1, rate: is out of range");
  }

  @Test
  void aCounterpartysLeiIsCheckedWhenGiven() {
    assertThatThrownBy(
            () ->
                ReferenceRecords.read(
                    ReferenceKind.COUNTERPARTIES,
                    ReferenceBodies.row(
                        ReferenceBodies.tree(
                            utf8("{\"id\":\"CP-1\",\"name\":\"N\",\"lei\":\"LEI-1\"}")),
                        null)))
        .isInstanceOf(InvalidReferenceData.class)
        .hasMessageContaining("lei: must be a 20-character LEI");
    assertThat(
            ReferenceRecords.read(
                ReferenceKind.COUNTERPARTIES,
                ReferenceBodies.row(
                    ReferenceBodies.tree(utf8("{\"id\":\"CP-1\",\"name\":\"Northwind\"}")), null)))
        .isEqualTo(new dev.tradeflow.model.Counterparty("CP-1", "Northwind", null));
  }
}
