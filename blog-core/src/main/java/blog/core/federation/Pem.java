package blog.core.federation;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Keys in PEM, as ActivityPub actors publish them ({@code publicKeyPem}: SubjectPublicKeyInfo) and
 * as the blog stores its own private key (PKCS #8). The key material itself is read by the JDK's
 * {@link KeyFactory}; only the base64 armour is taken off here.
 */
final class Pem {
  private static final String PUBLIC = "PUBLIC KEY";
  private static final String PRIVATE = "PRIVATE KEY";

  private Pem() {}

  static String publicKey(PublicKey key) {
    return armour(PUBLIC, key.getEncoded());
  }

  static String privateKey(PrivateKey key) {
    return armour(PRIVATE, key.getEncoded());
  }

  /**
   * A public RSA or Ed25519 key from PEM (the latter for RFC 9421 signatures); {@link
   * GeneralSecurityException} when it is neither.
   */
  static PublicKey readPublic(String pem) throws GeneralSecurityException {
    X509EncodedKeySpec spec = new X509EncodedKeySpec(body(pem, PUBLIC));
    try {
      return KeyFactory.getInstance("RSA").generatePublic(spec);
    } catch (InvalidKeySpecException notRsa) {
      return KeyFactory.getInstance("Ed25519").generatePublic(spec);
    }
  }

  static PrivateKey readPrivate(String pem) throws GeneralSecurityException {
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(body(pem, PRIVATE)));
  }

  private static String armour(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }

  private static byte[] body(String pem, String label) throws GeneralSecurityException {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = pem == null ? -1 : pem.indexOf(begin);
    int to = from < 0 ? -1 : pem.indexOf(end, from);
    if (to < 0) {
      throw new GeneralSecurityException("not a PEM " + label);
    }
    try {
      return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("bad base64 in PEM " + label, e);
    }
  }
}
