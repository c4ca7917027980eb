package dev.tradeflow.parse.fix;

import dev.tradeflow.formats.FormatFault;
import dev.tradeflow.model.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one FIX tag=value message strictly: framing (BeginString, BodyLength, CheckSum), structure
 * (header, body, nested repeating groups, trailer) and every value against the data dictionary.
 * Fields are separated by SOH, or by {@code |} when the message holds no SOH, as logs write them.
 * Faults are {@link FormatFault}s that name the tag.
 *
 * <p>Structure follows the FIX rules as QuickFIX/J applies them with validation on, so that the two
 * agree (the differential test checks it): header fields first; a group entry starts with its
 * delimiter and keeps its fields in dictionary order; a field no group entry takes ends the group;
 * user-defined tags (5000 and up) are allowed and otherwise ignored.
 */
public final class FixMessageReader {

  private static final byte SOH = 0x01;
  private static final int BEGIN_STRING = 8;
  private static final int BODY_LENGTH = 9;
  private static final int MSG_TYPE = 35;
  private static final int CHECKSUM = 10;
  private static final int APPL_VER_ID = 1128;

  private final FixDictionary fix44;
  private final FixDictionary fix50sp2;
  private final int maxFields;

  public FixMessageReader(int maxFields) {
    this(FixDictionaries.FIX44, FixDictionaries.FIX50SP2, maxFields);
  }

  FixMessageReader(FixDictionary fix44, FixDictionary fix50sp2, int maxFields) {
    this.fix44 = fix44;
    this.fix50sp2 = fix50sp2;
    this.maxFields = maxFields;
  }

  private static final byte[] FIX44 = "FIX.4.4".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FIXT11 = "FIXT.1.1".getBytes(StandardCharsets.US_ASCII);

  /** Field offsets are scratch space: each thread reuses its own. */
  private static final ThreadLocal<Tokens> SCRATCH = ThreadLocal.withInitial(Tokens::new);

  FixMessage read(byte[] in) {
    Tokens tokens = tokenize(in);
    checkFraming(in, tokens);
    FixDictionary dictionary = dictionaryFor(in, tokens);
    return new Structure(in, tokens, dictionary).read();
  }

  /** Field offsets, before any meaning is given to them. */
  private static final class Tokens {
    int[] tags = new int[64];
    int[] starts = new int[64];
    int[] ends = new int[64];
    int[] tagStarts = new int[64];
    int size;

    /** The byte sum before the first CheckSum(10) field, SOH counted for each separator. */
    int checksumSum = -1;

    int checksumFields;

    void add(int tagStart, int tag, int start, int end) {
      if (size == tags.length) {
        tags = Arrays.copyOf(tags, size * 2);
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
        tagStarts = Arrays.copyOf(tagStarts, size * 2);
      }
      tagStarts[size] = tagStart;
      tags[size] = tag;
      starts[size] = start;
      ends[size] = end;
      size++;
    }

    String text(byte[] in, int i) {
      return new String(in, starts[i], ends[i] - starts[i], StandardCharsets.ISO_8859_1);
    }
  }

  private Tokens tokenize(byte[] in) {
    byte separator = separatorOf(in);
    int end = in.length;
    while (end > 0 && (in[end - 1] == '\n' || in[end - 1] == '\r')) {
      end--;
    }
    Tokens tokens = SCRATCH.get();
    tokens.size = 0;
    tokens.checksumSum = -1;
    tokens.checksumFields = 0;
    int sum = 0;
    int pos = 0;
    int previousTag = 0;
    FixDictionary lengths = fix44;
    while (pos < end) {
      if (tokens.size == maxFields) {
        throw new FormatFault(
            RejectReason.PAYLOAD_TOO_LARGE,
            "",
            "the message has more than " + maxFields + " fields");
      }
      int tagStart = pos;
      int tag = 0;
      int fieldSum = '=' + SOH;
      while (pos < end && in[pos] >= '0' && in[pos] <= '9' && pos - tagStart < 6) {
        tag = tag * 10 + (in[pos] - '0');
        fieldSum += in[pos];
        pos++;
      }
      if (pos == tagStart || pos >= end || in[pos] != '=' || in[tagStart] == '0') {
        throw new FormatFault(
            RejectReason.MALFORMED_PAYLOAD,
            "byte " + tagStart,
            "expected a field as tag=value at byte "
                + tagStart
                + " (after "
                + describe(previousTag)
                + ")");
      }
      int start = ++pos;
      int valueEnd;
      if (lengths.type(tag) == FixType.DATA
          && tokens.size > 0
          && isLengthOf(lengths, tokens, tag)) {
        valueEnd = start + Math.min(dataLength(in, tokens), end - start);
        if (valueEnd >= end || in[valueEnd] != separator) {
          throw new FormatFault(
              RejectReason.INVALID_FIELD,
              "tag " + tag,
              "tag " + tag + " is not as long as the length field before it says");
        }
        for (int i = start; i < valueEnd; i++) {
          fieldSum += in[i] & 0xFF;
        }
      } else {
        valueEnd = start;
        while (valueEnd < end && in[valueEnd] != separator) {
          fieldSum += in[valueEnd] & 0xFF;
          valueEnd++;
        }
        if (valueEnd == end) {
          throw new FormatFault(
              RejectReason.MALFORMED_PAYLOAD,
              "tag " + tag,
              "the message ends inside tag "
                  + tag
                  + ": it is truncated or lacks its last separator");
        }
      }
      if (valueEnd == start) {
        throw new FormatFault(
            RejectReason.INVALID_FIELD, "tag " + tag, "tag " + tag + " has no value");
      }
      tokens.add(tagStart, tag, start, valueEnd);
      if (tag == CHECKSUM && tokens.checksumFields++ == 0) {
        tokens.checksumSum = sum;
      }
      sum += fieldSum;
      if (tokens.size == 1 && tag == BEGIN_STRING) {
        lengths = dictionaryFor(in, tokens);
      }
      previousTag = tag;
      pos = valueEnd + 1;
    }
    return tokens;
  }

  private static boolean isLengthOf(FixDictionary dictionary, Tokens tokens, int dataTag) {
    int lengthTag = tokens.tags[tokens.size - 1];
    return dictionary.type(lengthTag) == FixType.LENGTH && lengthTag == dataTag - 1;
  }

  private static int dataLength(byte[] in, Tokens tokens) {
    int i = tokens.size - 1;
    int length =
        FixType.isInteger(in, tokens.starts[i], tokens.ends[i])
            ? Integer.parseInt(tokens.text(in, i))
            : -1;
    if (length < 0) {
      throw new FormatFault(
          RejectReason.INVALID_FIELD,
          "tag " + tokens.tags[i],
          "tag " + tokens.tags[i] + " must be a length, found '" + tokens.text(in, i) + "'");
    }
    return length;
  }

  /** SOH, or {@code |} in log form: whichever first ends BeginString(8). */
  private static byte separatorOf(byte[] in) {
    for (byte b : in) {
      if (b == SOH || b == '|') {
        return b;
      }
    }
    return SOH;
  }

  private static void checkFraming(byte[] in, Tokens tokens) {
    if (tokens.size < 4
        || tokens.tags[0] != BEGIN_STRING
        || tokens.tags[1] != BODY_LENGTH
        || tokens.tags[2] != MSG_TYPE) {
      throw new FormatFault(
          RejectReason.MALFORMED_PAYLOAD,
          "tag 8",
          "a FIX message starts with BeginString(8), BodyLength(9) and MsgType(35), in that order");
    }
    int last = tokens.size - 1;
    if (tokens.checksumFields > 1
        || (tokens.checksumFields == 1 && tokens.tags[last] != CHECKSUM)) {
      throw new FormatFault(
          RejectReason.MALFORMED_PAYLOAD,
          "tag 10",
          "CheckSum(10) must be the last field; more follows it");
    }
    if (tokens.tags[last] != CHECKSUM) {
      throw new FormatFault(
          RejectReason.MISSING_FIELD, "tag 10", "the message does not end with CheckSum(10)");
    }
    int bodyStart = tokens.ends[1] + 1;
    int bodyEnd = tokens.tagStarts[last];
    long declaredLength = digits(in, tokens.starts[1], tokens.ends[1]);
    if (declaredLength != bodyEnd - bodyStart) {
      throw new FormatFault(
          RejectReason.MALFORMED_PAYLOAD,
          "tag 9",
          "BodyLength(9) says "
              + tokens.text(in, 1)
              + " but the body has "
              + (bodyEnd - bodyStart)
              + " bytes");
    }
    int sum = tokens.checksumSum & 0xFF;
    int declaredSumAt = tokens.starts[last];
    if (tokens.ends[last] - declaredSumAt != 3
        || digits(in, declaredSumAt, tokens.ends[last]) != sum) {
      throw new FormatFault(
          RejectReason.MALFORMED_PAYLOAD,
          "tag 10",
          "CheckSum(10) says "
              + tokens.text(in, last)
              + " but the message sums to "
              + String.format("%03d", sum));
    }
  }

  /** The value of up to 9 ASCII digits, or -1 when there is anything else. */
  private static long digits(byte[] in, int from, int to) {
    if (to <= from || to - from > 9) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      if (in[i] < '0' || in[i] > '9') {
        return -1;
      }
      value = value * 10 + (in[i] - '0');
    }
    return value;
  }

  /** The dictionary for the BeginString in the first token. */
  private FixDictionary dictionaryFor(byte[] in, Tokens tokens) {
    int from = tokens.starts[0];
    int to = tokens.ends[0];
    if (Arrays.equals(FIX44, 0, FIX44.length, in, from, to)) {
      return fix44;
    }
    if (Arrays.equals(FIXT11, 0, FIXT11.length, in, from, to)) {
      return fix50sp2;
    }
    throw new FormatFault(
        RejectReason.UNSUPPORTED_FORMAT,
        "tag 8",
        "BeginString(8) is "
            + tokens.text(in, 0)
            + "; parse reads FIX.4.4, and FIXT.1.1 with ApplVerID(1128)=9 (FIX 5.0 SP2)");
  }

  private static String describe(int tag) {
    return tag == 0 ? "the start" : "tag " + tag;
  }

  /** Gives the tokens their structure: header, body with groups, trailer; then checks values. */
  private final class Structure {
    private final byte[] in;
    private final Tokens tokens;
    private final FixDictionary dictionary;
    private int next;

    Structure(byte[] in, Tokens tokens, FixDictionary dictionary) {
      this.in = in;
      this.tokens = tokens;
      this.dictionary = dictionary;
    }

    FixMessage read() {
      FixFieldMap header = new FixFieldMap(in, dictionary.header(), "header");
      for (int position = dictionary.header().indexOf(tokens.tags[next]);
          position >= 0;
          position = next < tokens.size ? dictionary.header().indexOf(tokens.tags[next]) : -1) {
        field(header, position);
      }
      String msgType = header.text(MSG_TYPE);
      FixSection bodySection = dictionary.message(msgType);
      if (bodySection == null) {
        throw new FormatFault(
            RejectReason.UNSUPPORTED_MESSAGE,
            "tag 35",
            "MsgType(35)="
                + msgType
                + " is not a trade message; parse reads 35=AE (TradeCaptureReport) and 35=8"
                + " (ExecutionReport)");
      }
      FixFieldMap body = new FixFieldMap(in, bodySection, "body");
      while (next < tokens.size) {
        int tag = tokens.tags[next];
        int position = bodySection.indexOf(tag);
        if (position >= 0) {
          field(body, position);
        } else if (dictionary.trailer().contains(tag)) {
          break;
        } else if (dictionary.header().contains(tag)) {
          throw inBody(tag);
        } else if (tag >= FixDictionary.USER_DEFINED_MIN) {
          field(body, -1);
        } else {
          throw notDefined(tag, msgType);
        }
      }
      FixFieldMap trailer = new FixFieldMap(in, dictionary.trailer(), "trailer");
      while (next < tokens.size) {
        if (!dictionary.trailer().contains(tokens.tags[next])) {
          throw new FormatFault(
              RejectReason.MALFORMED_PAYLOAD,
              "tag " + tokens.tags[next],
              dictionary.describe(tokens.tags[next]) + " comes after the trailer has begun");
        }
        field(trailer);
      }
      if (dictionary == fix50sp2 && !header.is(APPL_VER_ID, "9")) {
        throw new FormatFault(
            RejectReason.UNSUPPORTED_FORMAT,
            "tag 1128",
            "a FIXT.1.1 message must carry ApplVerID(1128)=9 (FIX 5.0 SP2); it has "
                + (header.has(APPL_VER_ID) ? header.text(APPL_VER_ID) : "none"));
      }
      for (FixFieldMap map : List.of(header, body, trailer)) {
        check(map);
      }
      return new FixMessage(dictionary, msgType, header, body);
    }

    private FormatFault inBody(int tag) {
      return new FormatFault(
          RejectReason.MALFORMED_PAYLOAD,
          "tag " + tag,
          dictionary.describe(tag) + " belongs in the header, before the body");
    }

    private FormatFault notDefined(int tag, String msgType) {
      return new FormatFault(
          RejectReason.UNKNOWN_FIELD,
          "tag " + tag,
          dictionary.isField(tag)
              ? dictionary.describe(tag) + " is not defined for 35=" + msgType
              : "tag " + tag + " is not a " + dictionary.version() + " field");
    }

    /** Adds the field at {@code next} to {@code map}, and the group it counts if it is one. */
    private void field(FixFieldMap map) {
      field(map, map.section().indexOf(tokens.tags[next]));
    }

    private void field(FixFieldMap map, int position) {
      int tag = tokens.tags[next];
      if (!map.add(tag, position, tokens.starts[next], tokens.ends[next])) {
        throw new FormatFault(
            RejectReason.MALFORMED_PAYLOAD,
            "tag " + tag,
            dictionary.describe(tag) + " appears more than once in the " + map.path());
      }
      next++;
      FixSection entry = position < 0 ? null : map.section().groupAt(position);
      if (entry != null) {
        group(map, tag, entry);
      }
    }

    private void group(FixFieldMap parent, int countTag, FixSection entry) {
      int declared = declaredCount(countTag);
      List<FixFieldMap> entries = new ArrayList<>(Math.max(0, Math.min(declared, 16)));
      FixFieldMap current = null;
      int previous = -1;
      String name = entry.name();
      while (next < tokens.size) {
        int tag = tokens.tags[next];
        if (tag == entry.delimiter()) {
          current = new FixFieldMap(in, entry, parent, entries.size() + 1);
          entries.add(current);
          previous = -1;
          field(current, 0);
          continue;
        }
        int position = entry.indexOf(tag);
        if (position >= 0) {
          if (current == null) {
            throw new FormatFault(
                RejectReason.MALFORMED_PAYLOAD,
                "tag " + tag,
                name + " entries must start with " + dictionary.describe(entry.delimiter()));
          }
          if (entry.groupAt(position) == null) {
            if (position <= previous) {
              throw new FormatFault(
                  RejectReason.MALFORMED_PAYLOAD,
                  "tag " + tag,
                  dictionary.describe(tag) + " is out of order, or repeated, in " + current.path());
            }
            previous = position;
          }
          field(current, position);
          continue;
        }
        boolean parentTakes =
            parent.isBody() ? parent.section().contains(tag) : dictionary.isField(tag);
        if (!parentTakes && !dictionary.trailer().contains(tag) && !parent.isHeader()) {
          if (dictionary.header().contains(tag)) {
            throw inBody(tag);
          }
          if (tag < FixDictionary.USER_DEFINED_MIN) {
            throw new FormatFault(
                RejectReason.UNKNOWN_FIELD,
                "tag " + tag,
                dictionary.describe(tag) + " is not defined in " + name);
          }
          if (current == null) {
            throw new FormatFault(
                RejectReason.MALFORMED_PAYLOAD,
                "tag " + tag,
                name + " entries must start with " + dictionary.describe(entry.delimiter()));
          }
          next++;
          continue;
        }
        break;
      }
      if (entries.size() != declared) {
        throw new FormatFault(
            RejectReason.INVALID_FIELD,
            "tag " + countTag,
            dictionary.describe(countTag)
                + " says "
                + declared
                + " entries but the message has "
                + entries.size());
      }
      parent.addGroup(new FixFieldMap.Group(countTag, entries));
    }

    private int declaredCount(int countTag) {
      int i = next - 1;
      if (!FixType.isInteger(in, tokens.starts[i], tokens.ends[i])) {
        throw new FormatFault(
            RejectReason.INVALID_FIELD,
            "tag " + countTag,
            dictionary.describe(countTag) + " must be a count, found '" + tokens.text(in, i) + "'");
      }
      return Integer.parseInt(tokens.text(in, i));
    }

    /** Required fields present, and every value of the right type and in range. */
    private void check(FixFieldMap map) {
      FixSection section = map.section();
      for (int p : section.requiredPositions()) {
        if (!map.hasPosition(p)) {
          throw new FormatFault(
              RejectReason.MISSING_FIELD,
              "tag " + section.tagAt(p),
              "required "
                  + dictionary.describe(section.tagAt(p))
                  + " is missing from the "
                  + map.path());
        }
      }
      for (int i = 0; i < map.size(); i++) {
        int tag = map.tagAt(i);
        if (!dictionary.type(tag).accepts(in, map.startAt(i), map.endAt(i))) {
          throw new FormatFault(
              RejectReason.INVALID_FIELD,
              "tag " + tag,
              dictionary.describe(tag)
                  + " is not a valid "
                  + dictionary.type(tag).name().toLowerCase(java.util.Locale.ROOT)
                  + ": '"
                  + value(map, i)
                  + "'");
        }
        if (!dictionary.allows(tag, in, map.startAt(i), map.endAt(i))) {
          throw new FormatFault(
              RejectReason.INVALID_FIELD,
              "tag " + tag,
              dictionary.describe(tag) + " does not take the value '" + value(map, i) + "'");
        }
      }
      for (FixFieldMap.Group group : map.groups()) {
        for (FixFieldMap entry : group.entries()) {
          check(entry);
        }
      }
    }

    private String value(FixFieldMap map, int i) {
      int length = Math.min(40, map.endAt(i) - map.startAt(i));
      return new String(in, map.startAt(i), length, StandardCharsets.ISO_8859_1);
    }
  }
}
