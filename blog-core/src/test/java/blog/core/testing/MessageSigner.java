package blog.core.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs a POST as a server speaking RFC 9421 does (as Fedify signs with {@code rsa-v1_5-sha256}):
 * {@code Content-Digest} (RFC 9530, sha-256), then {@code Signature-Input} and {@code Signature}
 * labelled {@code sig1} over {@code @method}, {@code @target-uri}, {@code @authority} and {@code
 * content-digest}. Written apart from the blog's verifier, from the RFC's text, so a test of one
 * with the other is not a test of the code with itself.
 */
public final class MessageSigner {
  private MessageSigner() {}

  /**
   * The headers to add, by name. {@code jdkAlgorithm} is {@code SHA256withRSA} or {@code Ed25519};
   * {@code alg} is written as the {@code alg} parameter unless null.
   */
  public static Map<String, String> sign(
      URI target,
      byte[] body,
      String keyId,
      PrivateKey key,
      String jdkAlgorithm,
      String alg,
      Instant created) {
    String digest;
    try {
      digest =
          "sha-256=:"
              + Base64.getEncoder()
                  .encodeToString(MessageDigest.getInstance("SHA-256").digest(body))
              + ":";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    String authority =
        target.getPort() < 0 ? target.getHost() : target.getHost() + ":" + target.getPort();
    String params =
        "(\"@method\" \"@target-uri\" \"@authority\" \"content-digest\");created="
            + created.getEpochSecond()
            + ";keyid=\""
            + keyId
            + "\""
            + (alg == null ? "" : ";alg=\"" + alg + "\"");
    String base =
        "\"@method\": POST\n"
            + "\"@target-uri\": "
            + target
            + "\n"
            + "\"@authority\": "
            + authority
            + "\n"
            + "\"content-digest\": "
            + digest
            + "\n"
            + "\"@signature-params\": "
            + params;
    byte[] signature;
    try {
      Signature signer = Signature.getInstance(jdkAlgorithm);
      signer.initSign(key);
      signer.update(base.getBytes(StandardCharsets.UTF_8));
      signature = signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Digest", digest);
    headers.put("Signature-Input", "sig1=" + params);
    headers.put("Signature", "sig1=:" + Base64.getEncoder().encodeToString(signature) + ":");
    return headers;
  }
}
