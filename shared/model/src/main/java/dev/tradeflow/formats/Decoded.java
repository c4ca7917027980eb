package dev.tradeflow.formats;

import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Trade;
import dev.tradeflow.model.TradeCancel;

/** One trade read from an input: either the trade, or why it could not be read and where. */
public sealed interface Decoded {

  record Read(Trade trade) implements Decoded {}

  /** The sender withdraws a trade: a FIX cancel (487=1, or 150=H on an execution report). */
  record Cancel(TradeCancel cancel) implements Decoded {}

  /**
   * @param tradeId the trade id when it could be read before the fault, else null
   * @param location a JSON pointer, FIX tag or XML path; empty for the whole input
   */
  record Fault(String tradeId, RejectReason reason, String message, String location)
      implements Decoded {}
}
