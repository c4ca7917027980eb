package dev.tradeflow.issuer;

import dev.tradeflow.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A token issuer for the local run and the tests: an RSA key pair, and RS256-signed JWTs carrying a
 * subject and roles (in {@code groups}, where MicroProfile JWT reads them). The functions verify
 * them with the public key, exactly as they verify a real issuer's.
 */
public final class LocalIssuer {

  public static final String ISSUER = "https://tradeflow.local/issuer";
  public static final String AUDIENCE = "tradeflow";
  public static final Duration LIFETIME = Duration.ofHours(12);
  static final String PRIVATE_KEY = "private-key.pem";
  static final String PUBLIC_KEY = "public-key.pem";

  private final KeyPair keys;

  private LocalIssuer(KeyPair keys) {
    this.keys = keys;
  }

  /** A new key pair, in memory. */
  public static LocalIssuer generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new LocalIssuer(generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make an RSA key pair", e);
    }
  }

  /**
   * The key pair kept in {@code dir}, made there (private key readable by its owner only) if new.
   */
  public static LocalIssuer inDirectory(Path dir) {
    Path privateKey = dir.resolve(PRIVATE_KEY);
    Path publicKey = dir.resolve(PUBLIC_KEY);
    try {
      if (Files.exists(privateKey) && Files.exists(publicKey)) {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        PrivateKey secret =
            rsa.generatePrivate(new PKCS8EncodedKeySpec(pemBody(Files.readString(privateKey))));
        PublicKey open =
            rsa.generatePublic(new X509EncodedKeySpec(pemBody(Files.readString(publicKey))));
        return new LocalIssuer(new KeyPair(open, secret));
      }
      LocalIssuer made = generate();
      Files.createDirectories(dir);
      Files.writeString(privateKey, pem("PRIVATE KEY", made.keys.getPrivate().getEncoded()));
      privateKey.toFile().setReadable(false, false);
      privateKey.toFile().setReadable(true, true);
      Files.writeString(publicKey, made.publicKeyPem());
      return made;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the keys in " + dir + " cannot be read", e);
    }
  }

  /** Where {@link #inDirectory} keeps the public key: the functions' verification key. */
  public static Path publicKeyFile(Path dir) {
    return dir.resolve(PUBLIC_KEY);
  }

  public String publicKeyPem() {
    return pem("PUBLIC KEY", keys.getPublic().getEncoded());
  }

  /**
   * The settings a function needs to verify this issuer's tokens (MicroProfile JWT's own names):
   * the public key as text, the issuer and the audience.
   */
  public Map<String, String> verification() {
    return Map.of(
        "mp.jwt.verify.publickey", publicKeyPem(),
        "mp.jwt.verify.issuer", ISSUER,
        "mp.jwt.verify.audiences", AUDIENCE);
  }

  /** A token for {@code subject} with {@code roles}, valid for {@link #LIFETIME}. */
  public String token(String subject, Collection<String> roles) {
    return sign(claims(subject, roles, Instant.now(), LIFETIME));
  }

  /** The claims of a token: this issuer, the audience, the subject, its roles and its lifetime. */
  public Map<String, Object> claims(
      String subject, Collection<String> roles, Instant issuedAt, Duration lifetime) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("aud", AUDIENCE);
    claims.put("sub", subject);
    claims.put("upn", subject);
    claims.put("groups", List.copyOf(roles));
    claims.put("iat", issuedAt.getEpochSecond());
    claims.put("exp", issuedAt.plus(lifetime).getEpochSecond());
    claims.put("jti", UUID.randomUUID().toString());
    return claims;
  }

  /** The claims as an RS256-signed compact JWT. */
  public String sign(Map<String, Object> claims) {
    String signed = part(Map.of("alg", "RS256", "typ", "JWT")) + "." + part(claims);
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(keys.getPrivate());
      rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + BASE64URL.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  /** The claims as a JWT with {@code "alg":"none"} and no signature, as a forger would send. */
  public static String unsigned(Map<String, Object> claims) {
    return part(Map.of("alg", "none", "typ", "JWT")) + "." + part(claims) + ".";
  }

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private static String part(Map<String, Object> json) {
    return BASE64URL.encodeToString(Json.write(json));
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static byte[] pemBody(String pem) {
    return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
  }
}
