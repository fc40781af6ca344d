package blog.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 9110's conditional requests, for generated documents and the page cache's kept feeds. */
class ConditionalGetTest {
  private static final Map<String, String> KEPT =
      Map.of("ETag", "\"abc\"", "Last-Modified", "Mon, 07 Dec 2026 10:00:00 GMT");

  @Test
  void anEntityTagDecidesWhenSent() {
    assertTrue(ConditionalGet.notModified("\"abc\"", null, KEPT));
    assertTrue(ConditionalGet.notModified("\"x\", W/\"abc\"", null, KEPT));
    assertTrue(ConditionalGet.notModified("*", null, KEPT));
    // If-None-Match wins over a date that alone would say "current".
    assertFalse(ConditionalGet.notModified("\"old\"", "Mon, 07 Dec 2026 11:00:00 GMT", KEPT));
  }

  @Test
  void elseTheDateDecides() {
    assertTrue(ConditionalGet.notModified(null, "Mon, 07 Dec 2026 10:00:00 GMT", KEPT));
    assertTrue(ConditionalGet.notModified(null, "Mon, 07 Dec 2026 10:00:01 GMT", KEPT));
    assertFalse(ConditionalGet.notModified(null, "Mon, 07 Dec 2026 09:59:59 GMT", KEPT));
    assertFalse(ConditionalGet.notModified(null, "yesterday", KEPT));
  }

  @Test
  void aKeptAnswerWithoutValidatorsIsNeverCurrent() {
    Map<String, String> page = Map.of("Content-Language", "en");
    assertFalse(ConditionalGet.notModified("*", null, page));
    assertFalse(ConditionalGet.notModified(null, "Mon, 07 Dec 2026 10:00:00 GMT", page));
    // An unreadable Last-Modified: only the entity tag can say current.
    Map<String, String> torn = Map.of("ETag", "\"abc\"", "Last-Modified", "garbage");
    assertFalse(ConditionalGet.notModified(null, "Mon, 07 Dec 2026 10:00:00 GMT", torn));
    assertTrue(ConditionalGet.notModified("\"abc\"", null, torn));
    assertFalse(ConditionalGet.notModified(null, null, KEPT));
  }

  @Test
  void httpDatesAreReadAsRfc9110WritesThem() {
    assertEquals(
        Optional.of(Instant.parse("2026-12-07T10:00:00Z")),
        ConditionalGet.httpDate(" Mon, 07 Dec 2026 10:00:00 GMT "));
    assertEquals(Optional.empty(), ConditionalGet.httpDate("2026-12-07T10:00:00Z"));
  }
}
