package dev.tradeflow.broker;

/** A SCRAM user of the local broker's secured listener. Its password never appears in toString. */
public record KafkaUser(String name, String password) {

  /** A user with a fresh random password. */
  public static KafkaUser withRandomPassword(String name) {
    return new KafkaUser(name, randomSecret());
  }

  /** 128 random bits as hex: passwords the local broker makes for itself. */
  static String randomSecret() {
    return java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(16));
  }

  /** The JAAS line a Kafka client logs in with, password included: for client configs only. */
  public String jaasConfig() {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + name
        + "\" password=\""
        + password
        + "\";";
  }

  @Override
  public String toString() {
    return "KafkaUser[" + name + "]";
  }
}
