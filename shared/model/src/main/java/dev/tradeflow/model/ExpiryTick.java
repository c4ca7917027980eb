package dev.tradeflow.model;

import java.time.LocalDate;

/**
 * Asks expire to look for matured trades. {@code businessDate} is optional: without it, expire uses
 * today in the business zone.
 */
public record ExpiryTick(LocalDate businessDate) {}
