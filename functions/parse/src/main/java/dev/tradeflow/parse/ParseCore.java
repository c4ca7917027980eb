package dev.tradeflow.parse;

import dev.tradeflow.events.CloudEvent;
import dev.tradeflow.events.Emitter;
import dev.tradeflow.events.EventType;
import dev.tradeflow.formats.Decoded;
import dev.tradeflow.formats.ParseLimits;
import dev.tradeflow.formats.TradeJsonReader;
import dev.tradeflow.model.RejectReason;
import dev.tradeflow.model.Rejection;
import dev.tradeflow.model.Stage;
import dev.tradeflow.model.Trade;
import dev.tradeflow.parse.fix.FixDecoder;
import dev.tradeflow.parse.xml.XmlDecoder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a received payload into one {@code tradeflow.trade.parsed} event per trade, or a {@code
 * tradeflow.trade.rejected} event saying why and where. Plain Java: no Quarkus, HTTP or Kafka.
 */
public final class ParseCore {

  private final Emitter emitter;
  private final ParseLimits limits;
  private final Map<TradeFormat, TradeDecoder> decoders = new EnumMap<>(TradeFormat.class);

  public ParseCore(Emitter emitter, ParseLimits limits) {
    this.emitter = emitter;
    this.limits = limits;
    TradeJsonReader json =
        new TradeJsonReader(limits.maxNestingDepth(), limits.maxTradesPerMessage());
    decoders.put(TradeFormat.JSON, json::read);
    decoders.put(TradeFormat.FIX, new FixDecoder(limits.maxFields())::decode);
    decoders.put(
        TradeFormat.XML,
        new XmlDecoder(limits.maxNestingDepth(), limits.maxFields(), limits.maxTradesPerMessage())
            ::decode);
  }

  public List<CloudEvent> parse(CloudEvent received) {
    byte[] payload = received.data();
    if (payload.length == 0) {
      return List.of(
          reject(received, null, RejectReason.EMPTY_PAYLOAD, "the message is empty", ""));
    }
    if (payload.length > limits.maxBytes()) {
      return List.of(
          reject(
              received,
              null,
              RejectReason.PAYLOAD_TOO_LARGE,
              "the message has " + payload.length + " bytes; the limit is " + limits.maxBytes(),
              ""));
    }
    Optional<TradeFormat> format = FormatDetector.detect(received.dataContentType(), payload);
    if (format.isEmpty()) {
      return List.of(
          reject(
              received,
              null,
              RejectReason.UNSUPPORTED_FORMAT,
              "cannot tell the format from content type '"
                  + received.dataContentType()
                  + "' or from the content; send JSON, FIX or XML",
              ""));
    }
    TradeDecoder decoder = decoders.get(format.get());
    List<Decoded> trades;
    try {
      trades = decoder.decode(payload);
    } catch (RuntimeException bug) {
      return List.of(
          reject(received, null, RejectReason.INTERNAL_ERROR, "parse failed: " + bug, ""));
    }
    List<CloudEvent> out = new ArrayList<>(trades.size());
    for (int i = 0; i < trades.size(); i++) {
      out.add(toEvent(received, trades.get(i), i));
    }
    return out;
  }

  private CloudEvent toEvent(CloudEvent received, Decoded decoded, int index) {
    return switch (decoded) {
      case Decoded.Read read -> parsed(received, read.trade(), index);
      case Decoded.Cancel cancel ->
          emitter.emit(
              received,
              EventType.TRADE_CANCEL_REQUESTED,
              cancel.cancel().tradeId(),
              index,
              cancel.cancel());
      case Decoded.Fault fault ->
          emitter.emit(
              received,
              EventType.TRADE_REJECTED,
              keyOf(received, fault.tradeId()),
              index,
              Rejection.of(
                  Stage.PARSE,
                  received,
                  fault.tradeId(),
                  fault.reason(),
                  fault.message(),
                  fault.location()));
    };
  }

  private CloudEvent parsed(CloudEvent received, Trade trade, int index) {
    return emitter.emit(received, EventType.TRADE_PARSED, trade.tradeId(), index, trade);
  }

  private CloudEvent reject(
      CloudEvent received, String tradeId, RejectReason reason, String message, String location) {
    return emitter.emit(
        received,
        EventType.TRADE_REJECTED,
        keyOf(received, tradeId),
        0,
        Rejection.of(Stage.PARSE, received, tradeId, reason, message, location));
  }

  private static String keyOf(CloudEvent received, String tradeId) {
    return tradeId != null ? tradeId : received.orderingKey();
  }
}
