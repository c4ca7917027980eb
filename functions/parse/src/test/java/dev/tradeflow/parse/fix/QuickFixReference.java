package dev.tradeflow.parse.fix;

import dev.tradeflow.formats.Decoded;
import dev.tradeflow.model.Economics;
import dev.tradeflow.model.Side;
import dev.tradeflow.model.Trade;
import dev.tradeflow.model.TradeCancel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import quickfix.ConfigError;
import quickfix.DataDictionary;
import quickfix.FieldMap;
import quickfix.FieldNotFound;
import quickfix.FieldType;
import quickfix.Group;
import quickfix.Message;

/**
 * The other side of the differential test: QuickFIX/J with its FIX 4.4 dictionary and validation
 * on, then the documented mapping written a second time over QuickFIX/J's parsed message. Returns
 * what parse should produce, or empty when the message must be refused.
 */
final class QuickFixReference {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

  private final DataDictionary dictionary;

  QuickFixReference() {
    try {
      dictionary = new DataDictionary("FIX44.xml");
    } catch (ConfigError e) {
      throw new IllegalStateException(e);
    }
    // Counterparties send their own tags (5000 and up); tradeflow allows them, as does this.
    dictionary.setCheckUserDefinedFields(false);
  }

  /** QuickFIX/J's verdict alone: parsed and validated, with a body length that matches. */
  Optional<Message> validated(String raw) {
    try {
      if (!bodyLengthMatches(raw) || repeatsATagQuickFixJTolerates(raw)) {
        return Optional.empty();
      }
      Message message = new Message();
      message.fromString(raw, dictionary, true);
      if (message.getException() != null) {
        return Optional.empty();
      }
      dictionary.validate(message);
      return Optional.of(message);
    } catch (Exception refused) {
      return Optional.empty();
    }
  }

  Optional<Decoded> expect(String raw) {
    return validated(raw).flatMap(QuickFixReference::map);
  }

  /**
   * Where tradeflow is stricter than QuickFIX/J, on purpose. FIX allows a tag once per field map
   * (SessionRejectReason 13, "tag appears more than once"). QuickFIX/J enforces that in the body
   * but keeps the last of a repeated header tag, and re-enters a group whose NumInGroup field is
   * repeated inside an entry. Tradeflow refuses both: a second SenderCompID or MsgSeqNum is not
   * something to guess about.
   */
  private boolean repeatsATagQuickFixJTolerates(String raw) {
    String[] fields = raw.split("\u0001");
    Set<String> header = new HashSet<>();
    boolean inHeader = true;
    String previous = "";
    for (String field : fields) {
      String tag = field.contains("=") ? field.substring(0, field.indexOf('=')) : field;
      if (!tag.matches("[1-9][0-9]{0,5}")) {
        return false;
      }
      int number = Integer.parseInt(tag);
      inHeader = inHeader && dictionary.isHeaderField(number);
      if (inHeader && !header.add(tag)) {
        return true;
      }
      if (tag.equals(previous) && dictionary.getFieldType(number) == FieldType.NUMINGROUP) {
        return true;
      }
      previous = tag;
    }
    return false;
  }

  /** The session layer's check, which QuickFIX/J does when it frames bytes off the wire. */
  private static boolean bodyLengthMatches(String raw) {
    int afterLength = raw.indexOf('\u0001', raw.indexOf("\u00019=") + 1) + 1;
    int checksum = raw.lastIndexOf("\u000110=") + 1;
    if (afterLength <= 0 || checksum <= 0 || checksum < afterLength) {
      return false;
    }
    String declared = raw.substring(raw.indexOf("\u00019=") + 3, afterLength - 1);
    return declared.matches("[0-9]{1,9}") && Integer.parseInt(declared) == checksum - afterLength;
  }

  private static Optional<Decoded> map(Message message) {
    try {
      String msgType = message.getHeader().getString(35);
      String version = message.isSetField(9100) ? message.getString(9100) : "1";
      if (!version.matches("[0-9]{1,9}")) {
        return Optional.empty();
      }
      int v = Integer.parseInt(version);
      if (msgType.equals("AE")) {
        String transType = message.isSetField(487) ? message.getString(487) : "0";
        String id = message.getString(transType.equals("0") ? 571 : 572);
        if (!isId(id)) {
          return Optional.empty();
        }
        return switch (transType) {
          case "1" -> Optional.of(new Decoded.Cancel(new TradeCancel(id, v)));
          case "0", "2" -> {
            List<Group> sides = message.getGroups(552);
            yield sides.isEmpty() ? Optional.empty() : trade(message, sides.getFirst(), id, v);
          }
          default -> Optional.empty();
        };
      }
      String execType = message.getString(150);
      return switch (execType) {
        case "F", "G" -> {
          Optional<String> id = idOf(message, execType.equals("F") ? 17 : 19);
          yield id.isEmpty() ? Optional.empty() : trade(message, message, id.get(), v);
        }
        case "H" -> idOf(message, 19).map(id -> new Decoded.Cancel(new TradeCancel(id, v)));
        default -> Optional.empty();
      };
    } catch (FieldNotFound | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> idOf(Message message, int tag) throws FieldNotFound {
    String id = message.getString(tag);
    return isId(id) ? Optional.of(id) : Optional.empty();
  }

  private static Optional<Decoded> trade(Message message, FieldMap side, String id, int version)
      throws FieldNotFound {
    Optional<String> counterparty = party(side, "17");
    Optional<String> book = book(side);
    if (counterparty.isEmpty() || book.isEmpty()) {
      return Optional.empty();
    }
    String maturityText =
        message.isSetField(541)
            ? message.getString(541)
            : message.isSetField(64) ? message.getString(64) : null;
    if (maturityText == null) {
      return Optional.empty();
    }
    LocalDate maturity = LocalDate.parse(maturityText, DATE);
    LocalDate created =
        message.isSetField(75) ? LocalDate.parse(message.getString(75), DATE) : null;
    String sideCode = side.getString(54);
    Side direction = sideCode.equals("1") ? Side.BUY : sideCode.equals("2") ? Side.SELL : null;
    String currency =
        side.isSetField(15)
            ? side.getString(15)
            : message.isSetField(15) ? message.getString(15) : null;
    if (direction == null || currency == null || !currency.matches("[A-Z]{3}")) {
      return Optional.empty();
    }
    String instrument = message.isSetField(48) ? message.getString(48) : message.getString(55);
    Economics economics =
        new Economics(
            instrument,
            direction,
            new BigDecimal(message.getString(32)),
            new BigDecimal(message.getString(31)),
            currency);
    return Optional.of(
        new Decoded.Read(
            new Trade(
                id, version, counterparty.get(), book.get(), maturity, created, false, economics)));
  }

  /** Position Account (38) if there is such a party, valid or not; else Account (1). */
  private static Optional<String> book(FieldMap side) throws FieldNotFound {
    for (Group party : side.getGroups(453)) {
      if (party.isSetField(452) && party.getString(452).equals("38")) {
        return party(side, "38");
      }
    }
    return side.isSetField(1) && isId(side.getString(1))
        ? Optional.of(side.getString(1))
        : Optional.empty();
  }

  private static Optional<String> party(FieldMap side, String role) throws FieldNotFound {
    for (Group party : side.getGroups(453)) {
      if (party.isSetField(452) && party.getString(452).equals(role)) {
        String id = party.isSetField(448) ? party.getString(448) : null;
        return isId(id) ? Optional.of(id) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean isId(String id) {
    return id != null && id.matches("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");
  }
}
