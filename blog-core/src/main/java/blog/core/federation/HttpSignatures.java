package blog.core.federation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * HTTP signatures as the fediverse uses them (draft-cavage-http-signatures-12, {@code rsa-sha256},
 * also sent as {@code hs2019} by Mastodon), with the {@code Digest} header of RFC 3230 for the
 * body. The cryptography is the JDK's ({@code SHA256withRSA}, {@code SHA-256}); this class only
 * builds and reads the signing string and the header.
 */
public final class HttpSignatures {
  /** How far a request's {@code Date} may be from the blog's clock, either way (as Fedify). */
  public static final Duration WINDOW = Duration.ofHours(1);

  /** The headers the blog signs, and requires signed on a POST. */
  public static final List<String> SIGNED_POST =
      List.of("(request-target)", "host", "date", "digest");

  static final List<String> SIGNED_GET = List.of("(request-target)", "host", "date");

  /** The IMF-fixdate of RFC 9110 (two-digit day), which some servers insist on. */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

  private HttpSignatures() {}

  /** A parsed {@code Signature} header. */
  public record Parsed(String keyId, String algorithm, List<String> headers, byte[] signature) {
    public Parsed {
      headers = List.copyOf(headers);
    }
  }

  /**
   * The headers to send with a request to {@code target}: {@code Host}, {@code Date}, {@code
   * Digest} (when there is a body) and {@code Signature}, in that order.
   */
  public static Map<String, String> sign(
      String method, URI target, byte[] body, String keyId, PrivateKey key, Instant now) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("host", hostOf(target));
    headers.put("date", httpDate(now));
    if (body != null) {
      headers.put("digest", digest(body));
    }
    List<String> signed = body != null ? SIGNED_POST : SIGNED_GET;
    String path =
        target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
    String requestTarget =
        method.toLowerCase(Locale.ROOT)
            + " "
            + path
            + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    String signingString = signingString(signed, requestTarget, headers::get);
    byte[] signature;
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(signingString.getBytes(StandardCharsets.UTF_8));
      signature = rsa.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with the site key", e);
    }
    Map<String, String> out = new LinkedHashMap<>();
    out.put("Host", headers.get("host"));
    out.put("Date", headers.get("date"));
    if (body != null) {
      out.put("Digest", headers.get("digest"));
    }
    out.put(
        "Signature",
        "keyId=\""
            + keyId
            + "\",algorithm=\"rsa-sha256\",headers=\""
            + String.join(" ", signed)
            + "\",signature=\""
            + Base64.getEncoder().encodeToString(signature)
            + "\"");
    return out;
  }

  /** {@code SHA-256=<base64>} of the body. */
  public static String digest(byte[] body) {
    try {
      return "SHA-256="
          + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Reads a {@code Signature} header; {@link Refused} (401) when it is missing or malformed. */
  public static Parsed parse(String header) {
    if (header == null || header.isBlank()) {
      throw Refused.unsigned("no Signature header");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    int i = 0;
    int n = header.length();
    while (i < n) {
      while (i < n && (header.charAt(i) == ',' || header.charAt(i) == ' ')) {
        i++;
      }
      int eq = header.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String name = header.substring(i, eq).strip().toLowerCase(Locale.ROOT);
      i = eq + 1;
      StringBuilder value = new StringBuilder();
      if (i < n && header.charAt(i) == '"') {
        i++;
        while (i < n && header.charAt(i) != '"') {
          if (header.charAt(i) == '\\' && i + 1 < n) {
            i++;
          }
          value.append(header.charAt(i++));
        }
        if (i >= n) {
          throw Refused.unsigned("unterminated value in Signature header");
        }
        i++;
      } else {
        while (i < n && header.charAt(i) != ',') {
          value.append(header.charAt(i++));
        }
      }
      fields.putIfAbsent(name, value.toString().strip());
    }
    String keyId = fields.get("keyid");
    String signature = fields.get("signature");
    if (keyId == null || keyId.isEmpty() || signature == null) {
      throw Refused.unsigned("Signature header without keyId or signature");
    }
    String algorithm = fields.getOrDefault("algorithm", "hs2019").toLowerCase(Locale.ROOT);
    if (!algorithm.equals("rsa-sha256") && !algorithm.equals("hs2019")) {
      throw Refused.unsigned("unsupported signature algorithm " + algorithm);
    }
    List<String> headers = new ArrayList<>();
    for (String h : fields.getOrDefault("headers", "date").toLowerCase(Locale.ROOT).split(" +")) {
      if (!h.isEmpty()) {
        headers.add(h);
      }
    }
    try {
      return new Parsed(keyId, algorithm, headers, Base64.getDecoder().decode(signature));
    } catch (IllegalArgumentException e) {
      throw Refused.unsigned("signature is not base64");
    }
  }

  /**
   * Checks a request's signature with {@code key}: the signing string is built from {@code
   * headerValue} (lower-case names, several values joined by ", "), and must cover {@code required}
   * headers. {@link Refused} (401) when it does not verify.
   */
  public static void verify(
      Parsed parsed,
      String method,
      String pathAndQuery,
      Function<String, String> headerValue,
      PublicKey key,
      List<String> required) {
    for (String name : required) {
      if (!parsed.headers().contains(name)) {
        throw Refused.unsigned("the signature does not cover " + name);
      }
    }
    String requestTarget = method.toLowerCase(Locale.ROOT) + " " + pathAndQuery;
    String signingString;
    try {
      signingString = signingString(parsed.headers(), requestTarget, headerValue);
    } catch (IllegalArgumentException missing) {
      throw Refused.unsigned(missing.getMessage());
    }
    boolean valid;
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update(signingString.getBytes(StandardCharsets.UTF_8));
      valid = rsa.verify(parsed.signature());
    } catch (GeneralSecurityException e) {
      valid = false;
    }
    if (!valid) {
      throw Refused.unsigned("the signature does not verify");
    }
  }

  /** {@link Refused} (401) unless {@code header} is the SHA-256 digest of {@code body}. */
  public static void checkDigest(String header, byte[] body) {
    if (header == null) {
      throw Refused.unsigned("no Digest header");
    }
    String expected = digest(body);
    for (String part : header.split(",")) {
      String value = part.strip();
      int eq = value.indexOf('=');
      if (eq > 0 && value.substring(0, eq).equalsIgnoreCase("SHA-256")) {
        if (MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            ("SHA-256=" + value.substring(eq + 1)).getBytes(StandardCharsets.US_ASCII))) {
          return;
        }
        throw Refused.unsigned("the Digest does not match the body");
      }
    }
    throw Refused.unsigned("no SHA-256 Digest");
  }

  /** {@link Refused} (401) unless the {@code Date} header is within {@link #WINDOW} of now. */
  public static void checkDate(String header, Instant now) {
    if (header == null) {
      throw Refused.unsigned("no Date header");
    }
    Instant date;
    try {
      date = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw Refused.unsigned("unreadable Date header");
    }
    if (Duration.between(date, now).abs().compareTo(WINDOW) > 0) {
      throw Refused.unsigned("the Date is too far from now (a replay?)");
    }
  }

  static String httpDate(Instant instant) {
    return HTTP_DATE.format(instant.atZone(ZoneOffset.UTC));
  }

  static String hostOf(URI uri) {
    return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  private static String signingString(
      List<String> names, String requestTarget, Function<String, String> headerValue) {
    StringBuilder out = new StringBuilder();
    for (String name : names) {
      String value;
      if (name.equals("(request-target)")) {
        value = requestTarget;
      } else {
        value = headerValue.apply(name);
        if (value == null) {
          throw new IllegalArgumentException("signed header " + name + " is missing");
        }
      }
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(name).append(": ").append(value);
    }
    return out.toString();
  }
}
