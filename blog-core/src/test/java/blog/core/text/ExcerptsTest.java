package blog.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExcerptsTest {
  private final Excerpts excerpts = new Excerpts();

  @Test
  void authorsOwnExcerptWins() {
    assertEquals("Short.", excerpts.excerpt("  Short. ", "Long *body*"));
  }

  @Test
  void shortBodyBecomesPlainTextWithoutMarkup() {
    assertEquals(
        "A bold claim. Next line.", excerpts.excerpt("", "A **bold** claim.\n\nNext line."));
  }

  @Test
  void longBodyIsCutAfterFiftyFiveWords() {
    String body = "word ".repeat(80);
    String excerpt = excerpts.excerpt(null, body);
    assertTrue(excerpt.endsWith(" […]"), excerpt);
    assertEquals(Excerpts.WORDS, excerpt.replace(" […]", "").split(" ").length);
  }
}
