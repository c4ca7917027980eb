package dev.tradeflow.binding;

import dev.tradeflow.formats.TradeIds;

/**
 * An id in a request's path or query is held to the id rule every trade format holds ids to, before
 * anything looks it up: anything else is a 400, never a lookup of an odd string.
 */
public final class RequestIds {

  private RequestIds() {}

  /**
   * The id, if it follows the rule; else an {@link InvalidRequestException} naming {@code what}.
   */
  public static String require(String what, String id) {
    if (!TradeIds.isId(id)) {
      throw new InvalidRequestException(what + " must be " + TradeIds.ID_RULE);
    }
    return id;
  }
}
