package blog.core.federation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * HTTP Message Signatures (RFC 9421) on incoming requests, as newer fediverse servers send them
 * ({@code Signature-Input} and {@code Signature}, with the body's {@code Content-Digest} of RFC
 * 9530). Read: the algorithms {@code rsa-v1_5-sha256} (what the fediverse's RSA keys sign with),
 * {@code rsa-pss-sha512} and {@code ed25519}, named by {@code alg} or, without it, taken from the
 * key's type; the derived components {@code @method}, {@code @target-uri}, {@code @authority},
 * {@code @scheme}, {@code @request-target}, {@code @path} and {@code @query}, and header fields.
 * Components with parameters ({@code ;sf}, {@code ;key}, {@code ;req}, ...) are refused. The
 * cryptography is the JDK's; the signature base is built here, following section 2.5.
 */
public final class MessageSignatures {
  /** How far {@code created} may be from the blog's clock, as for the older signatures. */
  public static final Duration WINDOW = HttpSignatures.WINDOW;

  private MessageSignatures() {}

  /** One signature of a request: its covered components and parameters, and its bytes. */
  public record Parsed(
      String label,
      List<String> components,
      String keyId,
      String alg,
      long created,
      Long expires,
      String signatureParams,
      byte[] signature) {
    public Parsed {
      components = List.copyOf(components);
    }
  }

  /** Whether a request carries an RFC 9421 signature rather than a draft-cavage one. */
  public static boolean isUsedBy(Function<String, String> header) {
    return header.apply("signature-input") != null;
  }

  /**
   * The first signature named in {@code Signature-Input} that {@code Signature} carries; {@link
   * Refused} (401) when there is none or it is malformed or lacks {@code keyid} or {@code created}.
   */
  public static Parsed parse(String signatureInput, String signature) {
    Map<String, Object> inputs;
    Map<String, Object> signatures;
    try {
      inputs = StructuredFields.dictionary(signatureInput);
      signatures = StructuredFields.dictionary(signature);
    } catch (IllegalArgumentException e) {
      throw Refused.unsigned("malformed Signature-Input or Signature: " + e.getMessage());
    }
    for (Map.Entry<String, Object> input : inputs.entrySet()) {
      if (signatures.get(input.getKey()) instanceof StructuredFields.Item sig
          && sig.value() instanceof byte[] bytes) {
        if (!(input.getValue() instanceof StructuredFields.InnerList list)) {
          throw Refused.unsigned("Signature-Input " + input.getKey() + " is not an inner list");
        }
        return parsed(input.getKey(), list, bytes);
      }
    }
    throw Refused.unsigned("no signature named in Signature-Input");
  }

  private static Parsed parsed(String label, StructuredFields.InnerList list, byte[] signature) {
    List<String> components = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (StructuredFields.Item item : list.items()) {
      if (!(item.value() instanceof String name) || !item.params().isEmpty()) {
        throw Refused.unsigned("unsupported component " + item.value() + " " + item.params());
      }
      if (!seen.add(name)) {
        throw Refused.unsigned("component " + name + " covered twice");
      }
      components.add(name);
    }
    Map<String, Object> params = list.params();
    if (!(params.get("keyid") instanceof String keyId) || keyId.isEmpty()) {
      throw Refused.unsigned("a signature without keyid");
    }
    if (!(params.get("created") instanceof Long created)) {
      throw Refused.unsigned("a signature without created");
    }
    Object alg = params.get("alg");
    if (alg != null && !(alg instanceof String)) {
      throw Refused.unsigned("alg is not a string");
    }
    Object expires = params.get("expires");
    if (expires != null && !(expires instanceof Long)) {
      throw Refused.unsigned("expires is not an integer");
    }
    return new Parsed(
        label,
        components,
        keyId,
        (String) alg,
        created,
        (Long) expires,
        StructuredFields.serialise(list),
        signature);
  }

  /**
   * {@link Refused} (401) unless {@code created} is within {@link #WINDOW} of now and {@code
   * expires}, if given, has not passed.
   */
  public static void checkTime(Parsed parsed, Instant now) {
    Instant created = Instant.ofEpochSecond(parsed.created());
    if (Duration.between(created, now).abs().compareTo(WINDOW) > 0) {
      throw Refused.unsigned("the signature was created too far from now (a replay?)");
    }
    if (parsed.expires() != null && !now.isBefore(Instant.ofEpochSecond(parsed.expires()))) {
      throw Refused.unsigned("the signature has expired");
    }
  }

  /**
   * {@link Refused} (401) unless {@code header} ({@code Content-Digest}, RFC 9530) gives the body's
   * SHA-256 or SHA-512 (each one given must match).
   */
  public static void checkContentDigest(String header, byte[] body) {
    if (header == null) {
      throw Refused.unsigned("no Content-Digest header");
    }
    Map<String, Object> digests;
    try {
      digests = StructuredFields.dictionary(header);
    } catch (IllegalArgumentException e) {
      throw Refused.unsigned("malformed Content-Digest");
    }
    boolean checked = false;
    for (String[] algorithm : new String[][] {{"sha-256", "SHA-256"}, {"sha-512", "SHA-512"}}) {
      Object member = digests.get(algorithm[0]);
      if (member == null) {
        continue;
      }
      if (!(member instanceof StructuredFields.Item item && item.value() instanceof byte[] given)
          || !MessageDigest.isEqual(given, hash(algorithm[1], body))) {
        throw Refused.unsigned("the Content-Digest does not match the body");
      }
      checked = true;
    }
    if (!checked) {
      throw Refused.unsigned("no sha-256 or sha-512 Content-Digest");
    }
  }

  /**
   * {@link Refused} (401) unless the signature covers the request's method, its target ({@code
   * @target-uri}, or {@code @path} with {@code @authority} or {@code host}) and, for a request
   * with a body, {@code content-digest}, and verifies with {@code key}.
   *
   * @param target the request's full address as the sender named it (the blog's {@code base-url}
   *     with the path and query that arrived, so a proxy in front does not change it)
   * @param header the request's headers by lower-case name, several values joined by ", "
   */
  public static void verify(
      Parsed parsed,
      String method,
      URI target,
      Function<String, String> header,
      boolean hasBody,
      PublicKey key) {
    List<String> covered = parsed.components();
    if (!covered.contains("@method")) {
      throw Refused.unsigned("the signature does not cover @method");
    }
    boolean targetCovered =
        covered.contains("@target-uri")
            || covered.contains("@path")
                && (covered.contains("@authority") || covered.contains("host"));
    if (!targetCovered) {
      throw Refused.unsigned("the signature does not cover the target (@target-uri)");
    }
    if (hasBody && !covered.contains("content-digest")) {
      throw Refused.unsigned("the signature does not cover content-digest");
    }
    byte[] base = base(parsed, method, target, header).getBytes(StandardCharsets.UTF_8);
    boolean valid;
    try {
      Signature verifier = verifier(parsed.alg(), key);
      verifier.initVerify(key);
      verifier.update(base);
      valid = verifier.verify(parsed.signature());
    } catch (GeneralSecurityException e) {
      valid = false;
    }
    if (!valid) {
      throw Refused.unsigned("the signature does not verify");
    }
  }

  /** The signature base of RFC 9421 section 2.5. */
  static String base(Parsed parsed, String method, URI target, Function<String, String> header) {
    StringBuilder out = new StringBuilder();
    for (String name : parsed.components()) {
      String value = name.startsWith("@") ? derived(name, method, target) : field(name, header);
      out.append('"').append(name).append("\": ").append(value).append('\n');
    }
    out.append("\"@signature-params\": ").append(parsed.signatureParams());
    return out.toString();
  }

  private static String field(String name, Function<String, String> header) {
    if (!name.equals(name.toLowerCase(Locale.ROOT))) {
      throw Refused.unsigned("component " + name + " is not lower case");
    }
    String value = header.apply(name);
    if (value == null) {
      throw Refused.unsigned("signed header " + name + " is missing");
    }
    return value.strip();
  }

  private static String derived(String name, String method, URI target) {
    String path =
        target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
    String query = target.getRawQuery();
    return switch (name) {
      case "@method" -> method.toUpperCase(Locale.ROOT);
      case "@scheme" -> target.getScheme().toLowerCase(Locale.ROOT);
      case "@authority" -> authority(target);
      case "@target-uri" ->
          target.getScheme().toLowerCase(Locale.ROOT)
              + "://"
              + authority(target)
              + path
              + (query == null ? "" : "?" + query);
      case "@request-target" -> path + (query == null ? "" : "?" + query);
      case "@path" -> path;
      case "@query" -> "?" + (query == null ? "" : query);
      default -> throw Refused.unsigned("unsupported component " + name);
    };
  }

  /** Host in lower case, with the port unless it is the scheme's default (section 2.2.3). */
  private static String authority(URI target) {
    String host = target.getHost().toLowerCase(Locale.ROOT);
    int port = target.getPort();
    boolean standard =
        port < 0
            || port == 80 && "http".equalsIgnoreCase(target.getScheme())
            || port == 443 && "https".equalsIgnoreCase(target.getScheme());
    return standard ? host : host + ":" + port;
  }

  private static Signature verifier(String alg, PublicKey key) throws GeneralSecurityException {
    String name = alg;
    if (name == null) { // the key says which: RSA keys sign PKCS #1 v1.5 on the fediverse
      name = key instanceof EdECPublicKey ? "ed25519" : "rsa-v1_5-sha256";
    }
    switch (name) {
      case "rsa-v1_5-sha256":
        requireKey(key instanceof RSAPublicKey, name);
        return Signature.getInstance("SHA256withRSA");
      case "rsa-pss-sha512":
        requireKey(key instanceof RSAPublicKey, name);
        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1));
        return pss;
      case "ed25519":
        requireKey(key instanceof EdECPublicKey, name);
        return Signature.getInstance("Ed25519");
      default:
        throw Refused.unsigned("unsupported signature algorithm " + name);
    }
  }

  private static void requireKey(boolean fits, String alg) {
    if (!fits) {
      throw Refused.unsigned("the actor's key is not a key for " + alg);
    }
  }

  private static byte[] hash(String algorithm, byte[] body) {
    try {
      return MessageDigest.getInstance(algorithm).digest(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }
}
