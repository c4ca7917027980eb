package dev.tradeflow.parse.xml;

import dev.tradeflow.formats.FormatFault;
import dev.tradeflow.model.RejectReason;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XML document into {@link XmlElement}s, safely: a document type declaration is refused
 * outright, so neither external entities (XXE) nor entity expansion can happen; nesting depth and
 * the number of elements and attributes are bounded.
 */
final class XmlTreeReader {

  private static final XMLInputFactory FACTORY = secureFactory();

  private final int maxDepth;
  private final int maxNodes;

  XmlTreeReader(int maxDepth, int maxNodes) {
    this.maxDepth = maxDepth;
    this.maxNodes = maxNodes;
  }

  private static XMLInputFactory secureFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  XmlElement read(byte[] payload) {
    XMLStreamReader reader = null;
    try {
      reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(payload));
      return tree(reader);
    } catch (XMLStreamException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNumber()
                  + ", column "
                  + e.getLocation().getColumnNumber();
      throw new FormatFault(
          RejectReason.MALFORMED_PAYLOAD, "", "not well-formed XML" + where + ": " + firstLine(e));
    } finally {
      close(reader);
    }
  }

  private XmlElement tree(XMLStreamReader reader) throws XMLStreamException {
    Deque<XmlElement> open = new ArrayDeque<>();
    XmlElement root = null;
    int nodes = 0;
    while (reader.hasNext()) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.DTD ->
            throw new FormatFault(
                RejectReason.MALFORMED_PAYLOAD,
                "",
                "the document has a DOCTYPE; DTDs and entities are refused, send plain XML");
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw new FormatFault(
                RejectReason.MALFORMED_PAYLOAD,
                open.isEmpty() ? "" : open.peek().path(),
                "entity reference &" + reader.getLocalName() + "; is refused");
        case XMLStreamConstants.START_ELEMENT -> {
          nodes += 1 + reader.getAttributeCount();
          if (nodes > maxNodes) {
            throw new FormatFault(
                RejectReason.PAYLOAD_TOO_LARGE,
                "",
                "the document has more than " + maxNodes + " elements and attributes");
          }
          if (open.size() >= maxDepth) {
            throw new FormatFault(
                RejectReason.PAYLOAD_TOO_LARGE,
                open.peek().path(),
                "the document nests deeper than " + maxDepth + " elements");
          }
          XmlElement element = element(reader, open.peek());
          if (open.isEmpty()) {
            root = element;
          } else {
            open.peek().add(element);
          }
          open.push(element);
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          if (!open.isEmpty()) {
            open.peek().append(reader.getText());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> open.pop();
        default -> {
          // comments, processing instructions and whitespace carry nothing
        }
      }
    }
    if (root == null) {
      throw new FormatFault(RejectReason.EMPTY_PAYLOAD, "", "the XML document has no element");
    }
    return root;
  }

  private static XmlElement element(XMLStreamReader reader, XmlElement parent) {
    String name = reader.getLocalName();
    String path =
        parent == null
            ? "/" + name
            : parent.path() + "/" + name + "[" + (parent.countOf(name) + 1) + "]";
    Map<String, String> attributes = new HashMap<>(reader.getAttributeCount() * 2);
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
    }
    String namespace = reader.getNamespaceURI();
    return new XmlElement(namespace == null ? "" : namespace, name, path, attributes);
  }

  private static String firstLine(XMLStreamException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int cut = message.lastIndexOf("Message: ");
    return cut >= 0 ? message.substring(cut + "Message: ".length()) : message;
  }

  private static void close(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // nothing is held open for a byte array
      }
    }
  }
}
