package dev.tradeflow.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One fault in a request's data: which row (1 for the first; absent when the request is one value),
 * which field (absent when it is the row as a whole), and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(Integer row, String field, String reason) {

  @Override
  public String toString() {
    String where = field == null ? "" : field + ": ";
    return (row == null ? "" : "row " + row + ", ") + where + reason;
  }
}
