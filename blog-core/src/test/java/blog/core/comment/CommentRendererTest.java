package blog.core.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommentRendererTest {
  private final CommentRenderer renderer = new CommentRenderer();

  @Test
  void keepsParagraphsAndLineBreaks() {
    assertEquals("<p>one<br />\ntwo</p>\n<p>three</p>\n", renderer.render("one\ntwo\n\nthree"));
  }

  @Test
  void codeBlocksAndTablesCanBeReachedByKeyboardAndNothingElseTakesATabindex() {
    String html =
        renderer.render("```\nlong line\n```\n\n[x](https://example.org/)\n\n| a |\n|---|\n| b |");
    assertTrue(html.contains("<pre tabindex=\"0\"><code>long line"), html);
    assertTrue(html.contains("<table tabindex=\"0\">"), html);
    assertFalse(html.contains("<a tabindex"), html);
    assertEquals(2, html.split("tabindex", -1).length - 1, html);
  }

  @Test
  void linksUrlsWithUgcRels() {
    String html = renderer.render("see https://example.org/x and *this*");
    assertTrue(html.contains("href=\"https://example.org/x\""), html);
    assertTrue(html.contains("rel=\"nofollow ugc noopener\""), html);
    assertTrue(html.contains("<em>this</em>"), html);
  }

  @Test
  void rawHtmlAndScriptUrlsNeverBecomeMarkup() {
    String html =
        renderer.render(
            "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))");
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("<img"), html);
    assertFalse(html.contains("javascript:"), html);
    assertTrue(html.contains("&lt;script&gt;"), html);
  }

  @Test
  void headingsAndImagesAreNotOffered() {
    String html = renderer.render("# Big\n\n![i](https://example.org/i.png)");
    assertFalse(html.contains("<h1"), html);
    assertFalse(html.contains("<img"), html);
  }

  @Test
  void twoTildesStrikeTextOutAndTheSanitiserKeepsIt() {
    assertEquals("<p>was <del>wrong</del> right</p>\n", renderer.render("was ~~wrong~~ right"));
    assertEquals("<p>about ~5 minutes, ~ish</p>\n", renderer.render("about ~5 minutes, ~ish"));
  }

  @Test
  void typedStrikeTagsStayText() {
    String html = renderer.render("<del>x</del> <s>y</s>");
    assertFalse(html.contains("<del>") || html.contains("<s>"), html);
    assertTrue(html.contains("&lt;del&gt;x&lt;/del&gt;"), html);
  }
}
