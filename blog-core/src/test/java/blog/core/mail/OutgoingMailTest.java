package blog.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutgoingMailTest {
  private static OutgoingMail to(String address) {
    return new OutgoingMail(address, "Subject", "Text", null);
  }

  private static OutgoingMail withHeader(String name, String value) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(name, value);
    return new OutgoingMail("reader@example.org", "Subject", "Text", null, headers);
  }

  @Test
  void aValidMailKeepsItsHeadersInOrder() {
    OutgoingMail mail =
        to("reader@example.org")
            .withHeader("List-Unsubscribe", "<https://blog.example/u>")
            .withHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
            .withHeader("Auto-Submitted", "auto-generated");

    assertEquals(
        List.of("List-Unsubscribe", "List-Unsubscribe-Post", "Auto-Submitted"),
        List.copyOf(mail.headers().keySet()));
    assertEquals("reader@example.org", mail.to());
    assertThrows(UnsupportedOperationException.class, () -> mail.headers().put("X-Late", "1"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "not-an-address",
        "@example.org",
        "reader@",
        "reader@@example.org",
        "a b@example.org",
        "reader@example.org, other@example.org",
        "Reader <reader@example.org>",
        "reader@example.org\r\nBcc: victim@example.org",
        "reader@example.org\nBcc: victim@example.org",
        "undisclosed-recipients:;",
        "reader@exa mple.org"
      })
  void badRecipientsAreRefused(String address) {
    assertThrows(IllegalArgumentException.class, () -> to(address));
  }

  @Test
  void aNullRecipientIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> to(null));
  }

  @Test
  void aTooLongRecipientIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> to("a".repeat(64) + "@" + "b".repeat(190) + ".org"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "New comment\r\nBcc: victim@example.org",
        "New comment\nBcc: victim@example.org",
        "New comment\rBcc: victim@example.org",
        "New comment\u0000",
        "New comment\u2028Bcc: victim@example.org"
      })
  void lineBreaksInTheSubjectAreRefused(String subject) {
    assertThrows(
        IllegalArgumentException.class,
        () -> new OutgoingMail("reader@example.org", subject, "Text", null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<https://blog.example/u>\r\nBcc: victim@example.org",
        "<https://blog.example/u>\nBcc: victim@example.org",
        "<https://blog.example/u>\r"
      })
  void lineBreaksInHeaderValuesAreRefused(String value) {
    assertThrows(IllegalArgumentException.class, () -> withHeader("List-Unsubscribe", value));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "X Space",
        "X-Colon:",
        "X-Evil\r\nBcc",
        "X-Ümlaut",
        "Bcc",
        "cc",
        "TO",
        "From",
        "Subject",
        "Content-Type",
        "MIME-Version"
      })
  void unsafeOrReservedHeaderNamesAreRefused(String name) {
    assertThrows(IllegalArgumentException.class, () -> withHeader(name, "value"));
  }

  @Test
  void aHeaderGivenTwiceInAnyCaseIsRefused() {
    OutgoingMail once = withHeader("List-Unsubscribe", "<https://blog.example/u>");
    assertThrows(
        IllegalArgumentException.class,
        () -> once.withHeader("list-unsubscribe", "<https://evil.example/u>"));
  }

  @Test
  void anInternationalDomainIsSentInItsAsciiForm() {
    assertEquals("joerg@xn--bcher-kva.example", to("joerg@bücher.example").to());
    assertThrows(IllegalArgumentException.class, () -> to("jörg@example.org"));
  }

  @Test
  void aSubjectMayCarryUnicodeAndTabs() {
    OutgoingMail mail = new OutgoingMail("jorg@example.org", "Grüße\tvon »Jörg« 🎉", "", null);
    assertEquals("Grüße\tvon »Jörg« 🎉", mail.subject());
  }

  @Test
  void headersSurviveTheirTextForm() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("List-Unsubscribe", "<https://blog.example/u?a=1&b=2>");
    headers.put("X-Empty", "");
    headers.put("X-Colons", " a: b: c ");
    assertEquals(headers, HeaderLines.decode(HeaderLines.encode(headers)));
    assertEquals(
        List.copyOf(headers.keySet()),
        List.copyOf(HeaderLines.decode(HeaderLines.encode(headers)).keySet()));
    assertEquals(Map.of(), HeaderLines.decode(HeaderLines.encode(Map.of())));
  }
}
