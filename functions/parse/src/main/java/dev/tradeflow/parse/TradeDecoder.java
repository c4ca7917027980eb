package dev.tradeflow.parse;

import dev.tradeflow.formats.Decoded;
import java.util.List;

/** Reads the trades of one format. Never throws on bad input: faults are {@link Decoded.Fault}. */
public interface TradeDecoder {

  List<Decoded> decode(byte[] payload);
}
