package dev.tradeflow.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The canonical trade, whatever format it arrived in. Economics are optional: the minimal
 * trade-store JSON has none, FIX and XML trades carry them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Trade(
    String tradeId,
    int version,
    String counterpartyId,
    String bookId,
    LocalDate maturityDate,
    LocalDate createdDate,
    boolean expired,
    Economics economics) {

  public Trade {
    Objects.requireNonNull(tradeId, "tradeId");
    Objects.requireNonNull(counterpartyId, "counterpartyId");
    Objects.requireNonNull(bookId, "bookId");
    Objects.requireNonNull(maturityDate, "maturityDate");
    counterpartyId = Canonical.of(counterpartyId);
    bookId = Canonical.of(bookId);
    maturityDate = Canonical.of(maturityDate);
    createdDate = Canonical.of(createdDate);
  }

  public Trade withExpired(boolean flag) {
    return new Trade(
        tradeId, version, counterpartyId, bookId, maturityDate, createdDate, flag, economics);
  }
}
