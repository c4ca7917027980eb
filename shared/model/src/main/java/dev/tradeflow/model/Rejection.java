package dev.tradeflow.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why a trade was not taken, carried by {@code tradeflow.trade.rejected}. {@code location} says
 * where in the input the fault is (a JSON pointer, FIX tag or XML path) when there is one; {@code
 * originalPayload} is the input exactly as received, so nothing is lost.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejection(
    String tradeId,
    Stage stage,
    RejectReason reason,
    String message,
    String location,
    String originalContentType,
    String originalPayload) {}
