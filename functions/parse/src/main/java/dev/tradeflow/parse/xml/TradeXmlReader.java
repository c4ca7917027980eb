package dev.tradeflow.parse.xml;

import dev.tradeflow.formats.Decoded;
import dev.tradeflow.formats.FieldValue;
import dev.tradeflow.formats.FormatFault;
import dev.tradeflow.formats.TradeField;
import dev.tradeflow.formats.TradeFieldValues;
import dev.tradeflow.formats.TradeFields;
import dev.tradeflow.model.RejectReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tradeflow's own trade XML ({@code docs/schemas/tradeflow-trade-1.xsd}): a {@code <trade>} or a
 * {@code <trades>} of them, with the trade-store fields as elements. Each trade goes through the
 * same field rules as the JSON trade, so the two formats cannot drift.
 */
final class TradeXmlReader {

  static final String NAMESPACE = "urn:tradeflow:trade:1";

  private static final Set<String> INTEGERS = Set.of("version");
  private static final Set<String> DECIMALS = Set.of("quantity", "price");
  private static final Set<String> BOOLEANS = Set.of("expired");

  private final int maxTrades;

  TradeXmlReader(int maxTrades) {
    this.maxTrades = maxTrades;
  }

  List<Decoded> read(XmlElement root) {
    return switch (root.name()) {
      case "trade" -> List.of(trade(root));
      case "trades" -> trades(root);
      default ->
          throw new FormatFault(
              RejectReason.MALFORMED_PAYLOAD,
              root.path(),
              "the root element must be <trade> or <trades> in "
                  + NAMESPACE
                  + ", found <"
                  + root.name()
                  + ">");
    };
  }

  private List<Decoded> trades(XmlElement root) {
    List<XmlElement> children = root.children();
    if (children.isEmpty()) {
      throw new FormatFault(RejectReason.EMPTY_PAYLOAD, root.path(), "<trades> holds no <trade>");
    }
    if (children.size() > maxTrades) {
      throw new FormatFault(
          RejectReason.PAYLOAD_TOO_LARGE,
          root.path(),
          "<trades> holds " + children.size() + " trades; the limit is " + maxTrades);
    }
    List<Decoded> decoded = new ArrayList<>(children.size());
    for (XmlElement child : children) {
      decoded.add(
          child.name().equals("trade") && child.namespace().equals(NAMESPACE)
              ? trade(child)
              : new Decoded.Fault(
                  null,
                  RejectReason.UNKNOWN_FIELD,
                  "<trades> holds only <trade> elements, found <" + child.name() + ">",
                  child.path()));
    }
    return decoded;
  }

  private static Decoded trade(XmlElement trade) {
    if (!trade.attributes().isEmpty()) {
      String attribute = trade.attributes().keySet().iterator().next();
      return fault(
          trade,
          RejectReason.UNKNOWN_FIELD,
          trade.path() + "/@" + attribute,
          "<trade> takes no attribute '" + attribute + "'");
    }
    TradeFieldValues values = new TradeFieldValues();
    for (XmlElement field : trade.children()) {
      String name = field.name();
      String at = trade.path() + "/" + name;
      if (!field.namespace().equals(NAMESPACE) || TradeField.of(name) == null) {
        return fault(trade, RejectReason.UNKNOWN_FIELD, at, "unknown element <" + name + ">");
      }
      if (!field.children().isEmpty() || !field.attributes().isEmpty()) {
        return fault(trade, RejectReason.INVALID_FIELD, at, "<" + name + "> must hold text only");
      }
      if (!values.put(name, typed(name, field.text()))) {
        return fault(
            trade, RejectReason.INVALID_FIELD, at, "<" + name + "> appears more than once");
      }
    }
    return TradeFields.read(values, trade.path());
  }

  private static Decoded fault(XmlElement trade, RejectReason reason, String at, String message) {
    XmlElement id = trade.child("trade_id");
    return new Decoded.Fault(id == null ? null : id.text(), reason, message, at);
  }

  /** XML text, typed the way the JSON trade has it, so the same rules give the same answers. */
  private static FieldValue typed(String name, String text) {
    if (INTEGERS.contains(name) && XmlNumbers.isInteger(text)) {
      return new FieldValue(FieldValue.Kind.INTEGER, text);
    }
    if (DECIMALS.contains(name) && XmlNumbers.isDecimal(text)) {
      return new FieldValue(FieldValue.Kind.DECIMAL, text);
    }
    if (BOOLEANS.contains(name) && (text.equals("true") || text.equals("false"))) {
      return new FieldValue(FieldValue.Kind.BOOLEAN, text);
    }
    return new FieldValue(FieldValue.Kind.STRING, text);
  }
}
