package blog.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class ExcerptsTest {
  private final Excerpts excerpts = new Excerpts();
  private final MarkdownRenderer markdown = new MarkdownRenderer();

  @Test
  void authorsOwnExcerptWinsWithoutItsMarkup() {
    assertEquals("Short.", excerpts.excerpt("  Short. ", "<p>Long <em>body</em></p>"));
    assertEquals(
        "An excerpt with markup & an entity.",
        excerpts.excerpt(
            "<!-- wp:paragraph --><p>An <strong>excerpt</strong> with markup &amp; an entity.</p>",
            "<p>Body</p>"));
  }

  @Test
  void shortBodyBecomesPlainTextWithoutMarkup() {
    assertEquals(
        "A bold claim. Next line.",
        excerpts.excerpt("", markdown.render("A **bold** claim.\n\nNext line.")));
  }

  @Test
  void aWordPressBlockPostShowsItsTextNotItsMarkup() {
    String imported =
        "<!-- wp:paragraph -->\n<p>This test post has <a href=\"https://example.org/\">a link</a>"
            + " &amp; a list:</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:list -->\n<ul><li>one</li>"
            + "<li>two</li></ul>\n<!-- /wp:list -->";
    assertEquals(
        "This test post has a link & a list: one two",
        excerpts.excerpt(null, markdown.render(imported)));
  }

  @Test
  void aMarkdownPostShowsItsTextNotItsListMarkers() {
    String source = "- item\n- item\n\n1. Export *everything*\n\n# Heading\n\n> quoted `code`";
    assertEquals(
        "item item Export everything Heading quoted code",
        excerpts.excerpt("", markdown.render(source)));
  }

  @Test
  void longBodyIsCutAfterFiftyFiveWholeWords() {
    String excerpt = excerpts.excerpt(null, markdown.render("word ".repeat(80)));
    assertTrue(excerpt.endsWith(" […]"), excerpt);
    assertEquals(Excerpts.WORDS, excerpt.replace(" […]", "").split(" ").length);
  }

  @Test
  void aLongBodyIsReadOnlyAsFarAsItsWordsGoYetCutAsTheWholeWouldBe() {
    // Long markup before the words, and a word split by a tag where a first look would end.
    StringBuilder html = new StringBuilder("<p><a href=\"https://example.org/" + "x".repeat(5000));
    html.append("\">linked</a> and then</p>");
    for (int i = 0; i < 2000; i++) {
      html.append("<p>w").append(i).append("<em>x</em>y ").append("more words here</p>\n");
    }
    String body = html.toString();
    String whole = Jsoup.parseBodyFragment(body).body().text();
    String[] words = whole.split(" ");
    String expected = String.join(" ", java.util.Arrays.copyOf(words, Excerpts.WORDS)) + " […]";
    assertEquals(expected, excerpts.excerpt("", body));
  }

  @Test
  void emptyBodiesHaveEmptyExcerpts() {
    assertEquals("", excerpts.excerpt(null, null));
    assertEquals("", excerpts.excerpt("", "<!-- nothing -->"));
  }
}
