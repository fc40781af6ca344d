package blog.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpSignaturesTest {
  private static KeyPair key;
  private static KeyPair other;
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final URI INBOX = URI.create("https://blog.example/federation/inbox");
  private static final byte[] BODY = "{\"type\":\"Follow\"}".getBytes(StandardCharsets.UTF_8);

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    key = generator.generateKeyPair();
    other = generator.generateKeyPair();
  }

  private static Map<String, String> lowerCase(Map<String, String> headers) {
    Map<String, String> out = new HashMap<>();
    headers.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    return out;
  }

  private static void verify(Map<String, String> headers, byte[] body, KeyPair with, Instant now) {
    HttpSignatures.checkDate(headers.get("date"), now);
    HttpSignatures.checkDigest(headers.get("digest"), body);
    HttpSignatures.verify(
        HttpSignatures.parse(headers.get("signature")),
        "POST",
        "/federation/inbox",
        headers::get,
        with.getPublic(),
        HttpSignatures.SIGNED_POST);
  }

  private static Map<String, String> signed() {
    return lowerCase(
        HttpSignatures.sign("post", INBOX, BODY, "https://a.example/u#key", key.getPrivate(), NOW));
  }

  @Test
  void aSignedRequestVerifiesWithTheSignersKey() {
    Map<String, String> headers = signed();
    verify(headers, BODY, key, NOW);
    assertEquals("blog.example", headers.get("host"));
    assertEquals("Mon, 01 Jun 2026 12:00:00 GMT", headers.get("date"));
    assertTrue(headers.get("signature").contains("keyId=\"https://a.example/u#key\""));
  }

  @Test
  void anotherKeyDoesNotVerify() {
    Refused refused = assertThrows(Refused.class, () -> verify(signed(), BODY, other, NOW));
    assertEquals(401, refused.status());
  }

  @Test
  void aChangedBodyFailsTheDigest() {
    byte[] changed = "{\"type\":\"Delete\"}".getBytes(StandardCharsets.UTF_8);
    assertThrows(Refused.class, () -> verify(signed(), changed, key, NOW));
  }

  @Test
  void aChangedHeaderFailsTheSignature() {
    Map<String, String> headers = signed();
    headers.put("host", "evil.example");
    assertThrows(Refused.class, () -> verify(headers, BODY, key, NOW));
  }

  @Test
  void anOldDateIsARefusedReplay() {
    Map<String, String> headers = signed();
    Refused refused =
        assertThrows(Refused.class, () -> verify(headers, BODY, key, NOW.plusSeconds(3601)));
    assertTrue(refused.getMessage().contains("too far"));
    verify(headers, BODY, key, NOW.plusSeconds(3599)); // within the window
  }

  @Test
  void aSignatureThatLeavesTheDigestOutIsRefused() {
    Map<String, String> headers = signed();
    String partial = headers.get("signature").replace(" digest\"", "\"");
    Refused refused =
        assertThrows(
            Refused.class,
            () ->
                HttpSignatures.verify(
                    HttpSignatures.parse(partial),
                    "POST",
                    "/federation/inbox",
                    headers::get,
                    key.getPublic(),
                    HttpSignatures.SIGNED_POST));
    assertTrue(refused.getMessage().contains("digest"));
  }

  @Test
  void malformedHeadersAreRefused() {
    for (String header :
        List.of(
            "",
            "keyId=\"x\"",
            "signature=\"AAAA\"",
            "keyId=\"x\",algorithm=\"ed25519\",signature=\"AA==\"",
            "keyId=\"x,signature=\"AA")) {
      assertThrows(Refused.class, () -> HttpSignatures.parse(header), header);
    }
    assertThrows(Refused.class, () -> HttpSignatures.checkDate("yesterday", NOW));
    assertThrows(Refused.class, () -> HttpSignatures.checkDigest(null, BODY));
    assertThrows(Refused.class, () -> HttpSignatures.checkDigest("SHA-512=abc", BODY));
  }

  @Test
  void pemKeysRoundTrip() throws Exception {
    String pem = Pem.publicKey(key.getPublic());
    assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
    assertEquals(key.getPublic(), Pem.readPublic(pem));
    assertEquals(key.getPrivate(), Pem.readPrivate(Pem.privateKey(key.getPrivate())));
    assertThrows(java.security.GeneralSecurityException.class, () -> Pem.readPublic("nonsense"));
  }
}
