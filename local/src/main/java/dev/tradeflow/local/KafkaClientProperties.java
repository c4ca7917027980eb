package dev.tradeflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The local run's Kafka client settings as a properties file only its owner can read, for Kafka's
 * command-line tools ({@code --command-config}, {@code --consumer.config}).
 */
final class KafkaClientProperties {

  static final String FILE = "kafka-client.properties";

  private KafkaClientProperties() {}

  /** Writes {@code config} to {@code dataDir/kafka-client.properties}, mode 600; returns it. */
  static Path write(Path dataDir, Map<String, Object> config) {
    Path file = dataDir.resolve(FILE);
    StringBuilder text = new StringBuilder("# written by ./tradeflow run --kafka-sasl\n");
    config.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
    try {
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
