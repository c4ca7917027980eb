package dev.tradeflow.parse.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dictionaries parse ships are exactly what QuickFIX/J's data dictionaries say for the messages
 * parse reads. Run with {@code -Dtradeflow.fix.regenerate=true} to rewrite them after a QuickFIX/J
 * upgrade.
 */
class FixDictionaryResourceTest {

  @ParameterizedTest
  @CsvSource({
    "FIX.4.4, FIX44.xml, FIX44.xml, fix/FIX44.dict",
    "FIX.5.0SP2, FIXT11.xml, FIX50SP2.xml, fix/FIX50SP2.dict"
  })
  void shippedDictionaryMatchesQuickFixJ(
      String beginString, String session, String application, String resource) throws IOException {
    String expected = FixDictionaryExport.export(beginString, session, application);
    if (Boolean.getBoolean("tradeflow.fix.regenerate")) {
      Files.writeString(Path.of("src/main/resources", resource), expected);
    }
    try (InputStream shipped = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(shipped).as(resource + " on the class path").isNotNull();
      assertThat(new String(shipped.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
    }
  }
}
