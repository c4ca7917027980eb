package dev.tradeflow.binding;

import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;

/**
 * A REST request's body, as the body handler read it. With Funqy in the app, Quarkus puts a body
 * handler in front of every route; a {@code byte[]} entity parameter then never completes for an
 * empty body sent with a content type (Quarkus 3.34.1: the request hangs until the client gives
 * up). Reading what the body handler holds answers every body, the empty one included.
 */
public final class RequestBodies {

  private RequestBodies() {}

  /** The body's bytes; empty for no body. */
  public static byte[] bytes(RoutingContext http) {
    RequestBody body = http.body();
    return body == null || body.buffer() == null ? new byte[0] : body.buffer().getBytes();
  }
}
