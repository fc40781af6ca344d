package blog.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.testing.MessageSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MessageSignaturesTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final URI INBOX = URI.create("https://blog.example/federation/inbox");
  private static final byte[] BODY = "{\"type\":\"Follow\"}".getBytes(StandardCharsets.UTF_8);
  private static KeyPair rsa;
  private static KeyPair otherRsa;
  private static KeyPair ed;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    rsa = generator.generateKeyPair();
    otherRsa = generator.generateKeyPair();
    ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  }

  private static Map<String, String> rsaSigned(Instant created) {
    return rsaSigned(created, "rsa-v1_5-sha256");
  }

  /** Signed with the RSA key, naming {@code alg} (or none when null). */
  private static Map<String, String> rsaSigned(Instant created, String alg) {
    return lowerCase(
        MessageSigner.sign(
            INBOX,
            BODY,
            "https://a.example/u#key",
            rsa.getPrivate(),
            "SHA256withRSA",
            alg,
            created));
  }

  private static Map<String, String> lowerCase(Map<String, String> headers) {
    Map<String, String> out = new HashMap<>();
    headers.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    return out;
  }

  /** The inbox's checks in its order: the cheap ones, then the key's. */
  private static void check(Map<String, String> headers, byte[] body, PublicKey key, Instant now) {
    MessageSignatures.Parsed parsed =
        MessageSignatures.parse(headers.get("signature-input"), headers.get("signature"));
    MessageSignatures.checkTime(parsed, now);
    MessageSignatures.checkContentDigest(headers.get("content-digest"), body);
    MessageSignatures.verify(parsed, "POST", INBOX, headers::get, true, key);
  }

  @Test
  void rfc9421sEd25519ExampleVerifies() throws Exception {
    // RFC 9421 appendix B.2.6: the test request signed with test-key-ed25519 (B.1.4).
    PublicKey key =
        Pem.readPublic(
            "-----BEGIN PUBLIC KEY-----\n"
                + "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=\n"
                + "-----END PUBLIC KEY-----\n");
    Map<String, String> headers =
        Map.of(
            "date", "Tue, 20 Apr 2021 02:07:55 GMT",
            "content-type", "application/json",
            "content-length", "18");
    MessageSignatures.Parsed parsed =
        MessageSignatures.parse(
            "sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\""
                + " \"content-length\");created=1618884473;keyid=\"test-key-ed25519\"",
            "sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5"
                + "WPpBKRCw==:");
    URI target = URI.create("https://example.com/foo?param=Value&Pet=dog");
    assertEquals(
        """
        "date": Tue, 20 Apr 2021 02:07:55 GMT
        "@method": POST
        "@path": /foo
        "@authority": example.com
        "content-type": application/json
        "content-length": 18
        "@signature-params": ("date" "@method" "@path" "@authority" "content-type" \
        "content-length");created=1618884473;keyid="test-key-ed25519\"""",
        MessageSignatures.base(parsed, "POST", target, headers::get));
    assertEquals("test-key-ed25519", parsed.keyId());
    MessageSignatures.verify(parsed, "POST", target, headers::get, false, key);
    Map<String, String> changed = new HashMap<>(headers);
    changed.put("content-length", "19");
    assertThrows(
        Refused.class,
        () -> MessageSignatures.verify(parsed, "POST", target, changed::get, false, key),
        "a covered header changed");
  }

  @Test
  void anRsaSignedPostVerifiesWithOrWithoutAlg() throws Exception {
    check(rsaSigned(NOW.minusSeconds(30)), BODY, rsa.getPublic(), NOW);
    check(rsaSigned(NOW, null), BODY, rsa.getPublic(), NOW);
  }

  @Test
  void anEd25519SignedPostVerifiesAndItsKeyReadsFromPem() throws Exception {
    Map<String, String> headers =
        lowerCase(
            MessageSigner.sign(
                INBOX, BODY, "https://a.example/u#ed", ed.getPrivate(), "Ed25519", "ed25519", NOW));
    PublicKey key = Pem.readPublic(Pem.publicKey(ed.getPublic()));
    check(headers, BODY, key, NOW);
    assertThrows(
        Refused.class,
        () -> check(headers, BODY, rsa.getPublic(), NOW),
        "an RSA key does not take an ed25519 signature");
  }

  @Test
  void aForgedSignatureIsRefused() {
    Refused refused =
        assertThrows(Refused.class, () -> check(rsaSigned(NOW), BODY, otherRsa.getPublic(), NOW));
    assertEquals(401, refused.status());
    assertTrue(refused.getMessage().contains("does not verify"), refused.getMessage());
  }

  @Test
  void anOldFutureOrExpiredSignatureIsRefused() {
    Duration past = MessageSignatures.WINDOW.plusMinutes(1);
    assertThrows(
        Refused.class, () -> check(rsaSigned(NOW.minus(past)), BODY, rsa.getPublic(), NOW));
    assertThrows(Refused.class, () -> check(rsaSigned(NOW.plus(past)), BODY, rsa.getPublic(), NOW));
    MessageSignatures.Parsed expired =
        MessageSignatures.parse(
            "sig1=(\"@method\");created="
                + NOW.getEpochSecond()
                + ";keyid=\"k\";expires="
                + NOW.minusSeconds(1).getEpochSecond(),
            "sig1=:AAAA:");
    Refused refused = assertThrows(Refused.class, () -> MessageSignatures.checkTime(expired, NOW));
    assertTrue(refused.getMessage().contains("expired"), refused.getMessage());
  }

  @Test
  void aBodyThatIsNotTheDigestsIsRefused() {
    Map<String, String> headers = rsaSigned(NOW);
    byte[] other = "{\"type\":\"Delete\"}".getBytes(StandardCharsets.UTF_8);
    Refused refused =
        assertThrows(Refused.class, () -> check(headers, other, rsa.getPublic(), NOW));
    assertTrue(refused.getMessage().contains("Content-Digest"), refused.getMessage());
    assertThrows(Refused.class, () -> MessageSignatures.checkContentDigest("sha-256=:AAAA:", BODY));
    assertThrows(
        Refused.class,
        () -> MessageSignatures.checkContentDigest("md5=:AAAA:", BODY),
        "no digest the blog reads");
    assertThrows(Refused.class, () -> MessageSignatures.checkContentDigest(null, BODY));
  }

  @Test
  void theDigestMethodAndTargetMustBeCovered() {
    String sig = "sig1=:AAAA:";
    for (String components :
        List.of(
            "(\"@target-uri\" \"content-digest\")",
            "(\"@method\" \"content-digest\")",
            "(\"@method\" \"@path\" \"content-digest\")",
            "(\"@method\" \"@target-uri\")")) {
      MessageSignatures.Parsed parsed =
          MessageSignatures.parse(
              "sig1=" + components + ";created=" + NOW.getEpochSecond() + ";keyid=\"k\"", sig);
      Refused refused =
          assertThrows(
              Refused.class,
              () ->
                  MessageSignatures.verify(
                      parsed, "POST", INBOX, rsaSigned(NOW)::get, true, rsa.getPublic()),
              components);
      assertTrue(refused.getMessage().contains("does not cover"), refused.getMessage());
    }
  }

  @Test
  void malformedOrIncompleteSignatureInputsAreRefused() {
    String created = ";created=" + NOW.getEpochSecond();
    for (String[] pair :
        new String[][] {
          {"sig1=(\"@method\")" + created, "sig1=:AAAA:"}, // no keyid
          {"sig1=(\"@method\");keyid=\"k\"", "sig1=:AAAA:"}, // no created
          {"sig1=(\"@method\")" + created + ";keyid=\"k\"", "sig2=:AAAA:"}, // no such label
          {"sig1=(\"@method\" \"@method\")" + created + ";keyid=\"k\"", "sig1=:AAAA:"},
          {"sig1=(\"content-type\";sf)" + created + ";keyid=\"k\"", "sig1=:AAAA:"},
          {"sig1=(\"@method\"" + created, "sig1=:AAAA:"}, // unterminated
          {"sig1=\"@method\"" + created + ";keyid=\"k\"", "sig1=:AAAA:"}, // not a list
          {"sig1=(\"@method\")" + created + ";keyid=\"k\",", "sig1=:AAAA:"}, // trailing comma
          {"sig1=(\"@method\")" + created + ";keyid=\"k\"", "sig1=:not base64!:"},
        }) {
      Refused refused =
          assertThrows(Refused.class, () -> MessageSignatures.parse(pair[0], pair[1]), pair[0]);
      assertEquals(401, refused.status());
    }
  }

  @Test
  void theSignatureParamsLineIsTheInputsOwnSerialisation() {
    MessageSignatures.Parsed parsed =
        MessageSignatures.parse(
            "other=?1, sig1=( \"@method\"  \"@target-uri\" );created=1618884473;"
                + "keyid=\"a \\\"b\\\\\";alg=\"rsa-v1_5-sha256\";nonce=tok/en",
            "sig1=:AAAA:, more=:AA==:");
    assertEquals("sig1", parsed.label());
    assertEquals(List.of("@method", "@target-uri"), parsed.components());
    assertEquals("a \"b\\", parsed.keyId());
    assertEquals("rsa-v1_5-sha256", parsed.alg());
    assertEquals(
        "(\"@method\" \"@target-uri\");created=1618884473;keyid=\"a \\\"b\\\\\";"
            + "alg=\"rsa-v1_5-sha256\";nonce=tok/en",
        parsed.signatureParams());
  }

  @Test
  void derivedComponentsFollowTheRfc() {
    MessageSignatures.Parsed parsed =
        MessageSignatures.parse(
            "s=(\"@method\" \"@target-uri\" \"@authority\" \"@scheme\" \"@request-target\""
                + " \"@path\" \"@query\");created=1;keyid=\"k\"",
            "s=:AAAA:");
    assertEquals(
        """
        "@method": POST
        "@target-uri": https://www.example.com/path?param=value
        "@authority": www.example.com
        "@scheme": https
        "@request-target": /path?param=value
        "@path": /path
        "@query": ?param=value
        "@signature-params": ("@method" "@target-uri" "@authority" "@scheme" \
        "@request-target" "@path" "@query");created=1;keyid="k\"""",
        MessageSignatures.base(
            parsed, "post", URI.create("https://WWW.example.com:443/path?param=value"), h -> null));
  }
}
