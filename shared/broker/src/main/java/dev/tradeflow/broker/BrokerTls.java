package dev.tradeflow.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for the local broker's TLS listener, made once with the JDK's {@code
 * keytool} and kept in a folder: the broker's key store (PKCS12) and the certificate as PEM, which
 * clients trust ({@code ssl.truststore.type=PEM}), as they would trust a cluster's CA.
 *
 * @param keyStore the broker's key and certificate
 * @param password the key store's password
 * @param certificate the certificate clients trust
 */
public record BrokerTls(Path keyStore, String password, Path certificate) {

  /** The TLS material in {@code dir}, made there first if it is not there yet. */
  public static BrokerTls inDirectory(Path dir) {
    Path keyStore = dir.resolve("broker.p12");
    Path passwordFile = dir.resolve("broker.p12.password");
    Path certificate = dir.resolve("broker-ca.pem");
    try {
      if (!Files.isRegularFile(certificate)) {
        Files.createDirectories(dir);
        Files.deleteIfExists(keyStore);
        String password = KafkaUser.randomSecret();
        keytool(
            "-genkeypair",
            "-alias",
            "broker",
            "-keyalg",
            "RSA",
            "-keysize",
            "2048",
            "-dname",
            "CN=localhost",
            "-ext",
            "SAN=dns:localhost,ip:127.0.0.1",
            "-validity",
            "3650",
            "-storetype",
            "PKCS12",
            "-keystore",
            keyStore.toString(),
            "-storepass",
            password,
            "-keypass",
            password);
        keytool(
            "-exportcert",
            "-rfc",
            "-alias",
            "broker",
            "-keystore",
            keyStore.toString(),
            "-storepass",
            password,
            "-file",
            certificate.toString());
        Files.writeString(passwordFile, password, StandardCharsets.US_ASCII);
      }
      return new BrokerTls(
          keyStore, Files.readString(passwordFile, StandardCharsets.US_ASCII), certificate);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Never the key store's password. */
  @Override
  public String toString() {
    return "BrokerTls[" + keyStore + ", " + certificate + "]";
  }

  private static void keytool(String... args) throws IOException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool", e);
    }
  }
}
