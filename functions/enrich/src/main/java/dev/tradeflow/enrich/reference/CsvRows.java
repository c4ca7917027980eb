package dev.tradeflow.enrich.reference;

import dev.tradeflow.model.FieldError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSV as RFC 4180 writes it, in UTF-8: a header row of field names, then one row per value; commas
 * between fields; a field in double quotes may hold commas, line breaks and doubled quotes; CRLF or
 * LF line ends. An empty field is an absent field. Blank lines are skipped.
 */
final class CsvRows {

  private CsvRows() {}

  static List<ReferenceRow> read(byte[] body, int maxRows) {
    List<List<String>> lines = split(decode(body));
    if (lines.isEmpty()) {
      throw InvalidReferenceData.of(null, null, "the CSV has no header row");
    }
    List<String> header = lines.get(0);
    checkHeader(header);
    int rows = lines.size() - 1;
    if (rows > maxRows) {
      throw ReferenceBodies.tooMany(rows, maxRows);
    }
    List<ReferenceRow> read = new ArrayList<>(rows);
    List<FieldError> errors = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      List<String> line = lines.get(i);
      if (line.size() != header.size()) {
        errors.add(
            new FieldError(
                i, null, "has " + line.size() + " fields; the header has " + header.size()));
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (int f = 0; f < header.size(); f++) {
        if (!line.get(f).isEmpty()) {
          fields.put(header.get(f), line.get(f));
        }
      }
      read.add(new ReferenceRow(i, fields));
    }
    if (!errors.isEmpty()) {
      throw new InvalidReferenceData(errors);
    }
    return read;
  }

  private static String decode(byte[] body) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw InvalidReferenceData.of(null, null, "the CSV is not UTF-8 text");
    }
  }

  private static void checkHeader(List<String> header) {
    Set<String> seen = new HashSet<>();
    for (String name : header) {
      if (name.isBlank()) {
        throw InvalidReferenceData.of(null, null, "the CSV header has an empty field name");
      }
      if (!seen.add(name)) {
        throw InvalidReferenceData.of(null, name, "the CSV header names this field twice");
      }
    }
  }

  /** Lines of fields; blank lines dropped. */
  private static List<List<String>> split(String text) {
    List<List<String>> lines = new ArrayList<>();
    List<String> line = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        line.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        endLine(lines, line, field, wasQuoted);
        line = new ArrayList<>();
        wasQuoted = false;
      } else if (wasQuoted) {
        throw InvalidReferenceData.of(
            lines.size(), null, "has text after a closing quote; double a quote inside quotes");
      } else {
        field.append(c);
      }
      i++;
    }
    if (quoted) {
      throw InvalidReferenceData.of(lines.size(), null, "has a quote that is never closed");
    }
    endLine(lines, line, field, wasQuoted);
    return lines;
  }

  private static void endLine(
      List<List<String>> lines, List<String> line, StringBuilder field, boolean wasQuoted) {
    boolean blank = line.isEmpty() && field.isEmpty() && !wasQuoted;
    if (!blank) {
      line.add(field.toString());
      lines.add(line);
    }
    field.setLength(0);
  }
}
