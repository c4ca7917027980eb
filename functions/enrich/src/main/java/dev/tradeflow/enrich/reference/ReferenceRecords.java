package dev.tradeflow.enrich.reference;

import dev.tradeflow.model.AssetClass;
import dev.tradeflow.model.Book;
import dev.tradeflow.model.Counterparty;
import dev.tradeflow.model.CounterpartyLimit;
import dev.tradeflow.model.FxRate;
import dev.tradeflow.model.Instrument;
import dev.tradeflow.model.PriceQuotation;
import dev.tradeflow.model.ReferenceKind;
import dev.tradeflow.model.ReferenceRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns rows as sent into reference records: every field checked, every fault named. All rows are
 * read before anything is applied, so a request with one bad row changes nothing.
 */
public final class ReferenceRecords {

  /** The longest settlement cycle taken, in business days. */
  static final int MAX_SETTLEMENT_DAYS = 30;

  private ReferenceRecords() {}

  /** The record in {@code row}, or {@link InvalidReferenceData} naming each fault. */
  public static ReferenceRecord read(ReferenceKind kind, ReferenceRow row) {
    RowFields fields = new RowFields(row);
    ReferenceRecord record = build(kind, fields);
    fields.unknownFields(kind.pathName());
    if (!fields.errors().isEmpty()) {
      throw new InvalidReferenceData(fields.errors());
    }
    return record;
  }

  /**
   * Every row read, or {@link InvalidReferenceData} with the faults of all rows, a key given twice
   * included.
   */
  public static List<ReferenceRecord> readAll(ReferenceKind kind, List<ReferenceRow> rows) {
    List<ReferenceRecord> records = new ArrayList<>(rows.size());
    List<dev.tradeflow.model.FieldError> errors = new ArrayList<>();
    Map<String, Integer> rowOfKey = new HashMap<>();
    for (ReferenceRow row : rows) {
      try {
        ReferenceRecord record = read(kind, row);
        Integer earlier = rowOfKey.putIfAbsent(record.key(), row.number());
        if (earlier != null) {
          errors.add(
              new dev.tradeflow.model.FieldError(
                  row.number(),
                  kind.keyField(),
                  "'"
                      + record.key()
                      + "' is given twice: rows "
                      + earlier
                      + " and "
                      + row.number()));
        }
        records.add(record);
      } catch (InvalidReferenceData e) {
        errors.addAll(e.errors());
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidReferenceData(errors);
    }
    return records;
  }

  private static ReferenceRecord build(ReferenceKind kind, RowFields f) {
    return switch (kind) {
      case COUNTERPARTIES -> new Counterparty(f.id("id"), f.text("name"), f.lei("lei"));
      case BOOKS -> new Book(f.id("id"), f.text("name"), f.optionalText("desk"));
      case INSTRUMENTS ->
          new Instrument(
              f.id("id"),
              f.choice("asset_class", AssetClass.class),
              f.currency("currency"),
              f.choice("price_quotation", PriceQuotation.class),
              f.positive("contract_multiplier"),
              f.whole("settlement_days", 0, MAX_SETTLEMENT_DAYS));
      case FX_RATES -> new FxRate(f.currency("currency"), f.positive("rate"));
      case LIMITS -> new CounterpartyLimit(f.id("counterparty_id"), f.positive("amount"));
    };
  }
}
