package blog.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
  private final MarkdownRenderer renderer = new MarkdownRenderer();

  @Test
  void rendersTablesHeadingAnchorsAndAutolinks() {
    String html =
        renderer.render("## Hello There\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\nhttps://example.org");
    assertTrue(html.contains("<h2 id=\"hello-there\">Hello There</h2>"), html);
    assertTrue(html.contains("<table tabindex=\"0\">"), html);
    assertTrue(html.contains("<td align=\"right\">2</td>"), html);
    assertTrue(html.contains("<a href=\"https://example.org\">https://example.org</a>"), html);
  }

  @Test
  void everyCodeBlockCanBeReachedByKeyboardAndNothingElseTakesATabindex() {
    String html =
        renderer.render(
            "    indented code\n\n```java\nfenced();\n```\n\n"
                + "<pre tabindex=\"-1\">raw</pre>\n\n<div tabindex=\"3\"><a tabindex=\"1\" href=\"/x\">x</a></div>"
                + "\n\n<table tabindex=\"-1\"><tr><td>wide</td></tr></table>");
    assertTrue(html.contains("<pre tabindex=\"0\"><code>indented code"), html);
    assertTrue(html.contains("<pre tabindex=\"0\"><code class=\"language-java\">fenced();"), html);
    assertTrue(html.contains("<pre tabindex=\"0\">raw</pre>"), html);
    assertTrue(html.contains("<table tabindex=\"0\">"), html);
    assertEquals(4, html.split("tabindex", -1).length - 1, html);
  }

  @Test
  void codeBlocksAndTablesStoredBeforeTheyWereFocusableBecomeSoWhenShown() {
    assertEquals(
        "<pre tabindex=\"0\"><code>a</code></pre>&lt;pre&gt;<table tabindex=\"0\"><tr>&lt;table&gt;",
        ScrollableBlocks.focusable("<pre><code>a</code></pre>&lt;pre&gt;<table><tr>&lt;table&gt;"));
    String current = renderer.render("```\nx\n```\n\n| a |\n|---|\n| b |");
    assertEquals(current, ScrollableBlocks.focusable(current));
  }

  @Test
  void obsoleteElementsBecomeTheirModernFormsOrPlainText() {
    String html =
        renderer.render(
            "<p><strike>old</strike> <tt>mono</tt> <big>large</big> <font>plain</font></p>");
    assertEquals("<p><s>old</s> <code>mono</code> large plain</p>\n", html);
  }

  @Test
  void stripsActiveContentFromRawHtml() {
    String html =
        renderer.render(
            "<script>alert(1)</script><img src=\"x.png\" onerror=\"alert(2)\">"
                + "<iframe src=\"https://evil\"></iframe>\n\n[a](javascript:alert(3)) <b>ok</b>");
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("onerror"), html);
    assertFalse(html.contains("javascript:"), html);
    assertFalse(html.contains("<iframe"), html);
    assertTrue(html.contains("<img src=\"x.png\""), html);
    assertTrue(html.contains("<b>ok</b>"), html);
  }

  @Test
  void slugsAreLowerCaseAsciiWithDashes() {
    assertEquals("why-quality-matters", Slugs.slugify("  Why Quality — Matters!  "));
    assertEquals("cafe-creme", Slugs.slugify("Café Crème"));
    assertEquals("untitled", Slugs.slugify("!!!"));
    assertEquals(200, Slugs.slugify("a".repeat(500)).length());
  }
}
