package dev.tradeflow.formats;

/** The fields of one trade as read from any format, and the first name that is not a field. */
public final class TradeFieldValues {

  private final FieldValue[] values = new FieldValue[TradeField.values().length];
  private String unknown;
  private String repeated;

  /**
   * Records a field; a name that is not a trade field is remembered as the first unknown one.
   *
   * @return false when the field was already given
   */
  public boolean put(String name, FieldValue value) {
    TradeField field = TradeField.of(name);
    if (field == null) {
      if (unknown == null) {
        unknown = name;
      }
      return true;
    }
    if (values[field.ordinal()] != null) {
      if (repeated == null) {
        repeated = name;
      }
      return false;
    }
    values[field.ordinal()] = value;
    return true;
  }

  FieldValue get(TradeField field) {
    return values[field.ordinal()];
  }

  String unknown() {
    return unknown;
  }

  /** The first field given twice, or null. */
  String repeated() {
    return repeated;
  }

  /** The trade id when it was read as text, for rejections; else null. */
  public String tradeId() {
    FieldValue id = get(TradeField.TRADE_ID);
    return id != null && id.kind() == FieldValue.Kind.STRING ? id.text() : null;
  }
}
