package dev.tradeflow.parse.xml;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The test XML documents, for tests outside this package and for benchmarks. */
public final class XmlSamples {

  private XmlSamples() {}

  public static String read(String name) {
    return new String(XmlDecoderTest.resource(name), StandardCharsets.UTF_8);
  }

  public static List<String> all() {
    return List.of(
        read("trades.xml"),
        read("fpml-irs.xml"),
        read("fpml-fx-forward.xml"),
        read("fpml-equity-option.xml"));
  }
}
