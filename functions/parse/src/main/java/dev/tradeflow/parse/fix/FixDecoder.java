package dev.tradeflow.parse.fix;

import dev.tradeflow.formats.Decoded;
import dev.tradeflow.formats.FormatFault;
import java.util.List;

/** Reads one FIX message into a trade or a cancel, or says why not and at which tag. */
public final class FixDecoder {

  private final FixMessageReader reader;

  public FixDecoder(int maxFields) {
    this.reader = new FixMessageReader(maxFields);
  }

  public List<Decoded> decode(byte[] payload) {
    try {
      return List.of(FixTradeMapping.map(reader.read(payload)));
    } catch (FormatFault fault) {
      return List.of(fault.toDecoded(null));
    }
  }
}
