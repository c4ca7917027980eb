package dev.tradeflow.enrich.reference;

import static dev.tradeflow.enrich.reference.ReferenceRecordsTest.faults;
import static dev.tradeflow.enrich.reference.ReferenceRecordsTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.model.Book;
import dev.tradeflow.model.FieldError;
import dev.tradeflow.model.ReferenceKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

  @Test
  void readsQuotedFieldsCrlfAndEmptyFieldsAsAbsent() {
    List<ReferenceRow> rows =
        CsvRows.read(
            utf8(
                "\uFEFFid,name,desk\r\n"
                    + "B1,\"Rates, London\",\r\n"
                    + "\r\n"
                    + "B2,\"The \"\"Credit\"\" book\",\"NY\nDesk 4\"\n"),
            10);
    assertThat(rows)
        .containsExactly(
            new ReferenceRow(1, Map.of("id", "B1", "name", "Rates, London")),
            new ReferenceRow(
                2, Map.of("id", "B2", "name", "The \"Credit\" book", "desk", "NY\nDesk 4")));
    assertThat(ReferenceRecords.readAll(ReferenceKind.BOOKS, rows))
        .containsExactly(
            new Book("B1", "Rates, London", null),
            new Book("B2", "The \"Credit\" book", "NY\nDesk 4"));
  }

  @Test
  void badCsvIsNamedByRow() {
    assertThat(faults(() -> CsvRows.read(utf8("id,name\nB1\nB2,Two,extra\nB3,Three\n"), 10)))
        .extracting(FieldError::toString)
        .containsExactly(
            "row 1, has 1 fields; the header has 2", "row 2, has 3 fields; the header has 2");
    assertThat(faults(() -> CsvRows.read(utf8("id,name\nB1,\"open\n"), 10)))
        .extracting(FieldError::toString)
        .containsExactly("row 1, has a quote that is never closed");
    assertThat(faults(() -> CsvRows.read(utf8("id,name\nB1,\"a\"b\n"), 10)))
        .extracting(FieldError::reason)
        .singleElement()
        .asString()
        .contains("text after a closing quote");
    assertThat(faults(() -> CsvRows.read(utf8("id,id\nB1,B2\n"), 10)))
        .extracting(FieldError::toString)
        .containsExactly("id: the CSV header names this field twice");
    assertThat(faults(() -> CsvRows.read(utf8(""), 10)))
        .extracting(FieldError::reason)
        .containsExactly("the CSV has no header row");
    assertThat(faults(() -> CsvRows.read(new byte[] {'i', 'd', '\n', (byte) 0xC3, '('}, 10)))
        .extracting(FieldError::reason)
        .containsExactly("the CSV is not UTF-8 text");
    assertThat(faults(() -> CsvRows.read(utf8("id\nA\nB\nC\n"), 2)))
        .extracting(FieldError::reason)
        .containsExactly("the request has 3 rows; at most 2 are taken in one request");
  }

  @Test
  void aCsvValueIsCheckedLikeJson() {
    assertThat(
            faults(
                () ->
                    ReferenceRecords.readAll(
                        ReferenceKind.FX_RATES,
                        CsvRows.read(utf8("currency,rate\nEUR,1.0825\nJPY,-1\nGBP,1,3\n"), 10))))
        .extracting(FieldError::toString)
        .containsExactly("row 3, has 3 fields; the header has 2");
    assertThat(
            faults(
                () ->
                    ReferenceRecords.readAll(
                        ReferenceKind.FX_RATES,
                        CsvRows.read(utf8("currency,rate\nEUR,1.0825\nJPY,-1\n"), 10))))
        .extracting(FieldError::toString)
        .containsExactly(
            "row 2, rate: must be a plain decimal number of at most 32 characters, found '-1'");
  }
}
