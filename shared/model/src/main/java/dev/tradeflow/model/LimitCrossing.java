package dev.tradeflow.model;

/**
 * A counterparty's gross exposure crossing its limit, carried by {@code
 * tradeflow.risk.limit-breached} (over) and {@code tradeflow.risk.limit-cleared} (back within),
 * with the trade whose change crossed it.
 */
public record LimitCrossing(String counterpartyId, Money limit, Money exposure, String tradeId) {}
