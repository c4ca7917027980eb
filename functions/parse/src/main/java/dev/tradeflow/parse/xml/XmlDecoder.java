package dev.tradeflow.parse.xml;

import dev.tradeflow.formats.Decoded;
import dev.tradeflow.formats.FormatFault;
import dev.tradeflow.model.RejectReason;
import java.util.List;

/** Reads tradeflow's own trade XML or an FpML 5 confirmation, told apart by namespace. */
public final class XmlDecoder {

  private final XmlTreeReader tree;
  private final TradeXmlReader own;
  private final FpmlReader fpml = new FpmlReader();

  public XmlDecoder(int maxDepth, int maxNodes, int maxTrades) {
    this.tree = new XmlTreeReader(maxDepth, maxNodes);
    this.own = new TradeXmlReader(maxTrades);
  }

  public List<Decoded> decode(byte[] payload) {
    try {
      XmlElement root = tree.read(payload);
      return switch (root.namespace()) {
        case TradeXmlReader.NAMESPACE -> own.read(root);
        case FpmlReader.NAMESPACE -> fpml.read(root);
        default ->
            throw new FormatFault(
                RejectReason.UNSUPPORTED_FORMAT,
                root.path(),
                "the root element's namespace is '"
                    + root.namespace()
                    + "'; parse reads "
                    + TradeXmlReader.NAMESPACE
                    + " and "
                    + FpmlReader.NAMESPACE);
      };
    } catch (FormatFault fault) {
      return List.of(fault.toDecoded(null));
    }
  }
}
