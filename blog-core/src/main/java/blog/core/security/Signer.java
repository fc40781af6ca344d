package blog.core.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs short values with HMAC-SHA256 under the site's secret, so the browser can carry them (form
 * tokens, "this comment is yours" cookies, unsubscribe links) without being able to forge them.
 * Each use passes its own purpose, so a token made for one thing is worthless for another.
 */
public final class Signer {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  /**
   * One keyed MAC per thread: finding the algorithm and keying it costs more than the MAC itself,
   * and a page answered from the cache signs two tokens.
   */
  private final ThreadLocal<Mac> macs;

  public Signer(byte[] secret) {
    if (secret.length < 32) {
      throw new IllegalArgumentException("the secret must have at least 256 bits");
    }
    SecretKeySpec key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.macs =
        ThreadLocal.withInitial(
            () -> {
              try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  /** {@code payload} (no '~' in it) followed by its signature for {@code purpose}. */
  public String sign(String purpose, String payload) {
    if (payload.indexOf('~') >= 0) {
      throw new IllegalArgumentException("payload must not contain '~'");
    }
    return payload + "~" + B64.encodeToString(mac(purpose, payload));
  }

  /** The payload of a token this signer made for {@code purpose}, or empty if it was not. */
  public Optional<String> verify(String purpose, String token) {
    if (token == null) {
      return Optional.empty();
    }
    int cut = token.lastIndexOf('~');
    if (cut < 0) {
      return Optional.empty();
    }
    String payload = token.substring(0, cut);
    byte[] given;
    try {
      given = B64D.decode(token.substring(cut + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return MessageDigest.isEqual(given, mac(purpose, payload))
        ? Optional.of(payload)
        : Optional.empty();
  }

  private byte[] mac(String purpose, String payload) {
    Mac mac = macs.get();
    // doFinal leaves the MAC reset for the next use; a failure half-way must not leave it dirty.
    mac.reset();
    mac.update(purpose.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
  }
}
