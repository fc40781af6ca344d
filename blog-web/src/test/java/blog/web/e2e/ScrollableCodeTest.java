package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.PostStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * A code block with a line longer than the column scrolls sideways inside itself; a keyboard user
 * must be able to reach it to scroll it (axe: scrollable-region-focusable, serious). In a post, in
 * a comment, and in a comment stored before code blocks were made focusable.
 */
class ScrollableCodeTest extends BrowserTestBase {
  private static final String LONG_LINE =
      "for (int i = 0; i < 10; i++) { "
          + "System.out.println(\"a rather long line\"); ".repeat(12)
          + "}";
  private String permalink;
  private long oldComment;

  @Override
  protected void prepare() {
    Instant at = Instant.now().minus(1, ChronoUnit.DAYS);
    long post =
        fixtures.postWithBody(
            fixtures.author("Cody"),
            "Code that runs wide",
            "Before the code.\n\n```java\n" + LONG_LINE + "\n```\n\nAfter the code.",
            PostStatus.PUBLISHED,
            at);
    permalink = permalinkOf(post);
    fixtures.comment(post, null, "Pat", "Mine is wide too:\n\n```\n" + LONG_LINE + "\n```", at);
    oldComment = fixtures.comment(post, null, "Old", "```\n" + LONG_LINE + "\n```", at);
    // As a comment was stored before: a bare <pre>.
    db.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE comments SET body_html = REPLACE(body_html, '<pre tabindex=\"0\">',"
                            + " '<pre>') WHERE id = :id")
                    .bind("id", oldComment)
                    .execute());
  }

  @Test
  void longCodeLinesScrollInsideBlocksTheKeyboardReaches() {
    open(permalink);
    List<?> blocks =
        (List<?>)
            js(
                "return [...document.querySelectorAll('.entry-content pre, .comment-content pre')]"
                    + ".map(p => ({wide: p.scrollWidth > p.clientWidth,"
                    + " tabindex: p.getAttribute('tabindex')}));");
    assertEquals(3, blocks.size(), blocks.toString());
    for (Object block : blocks) {
      Map<?, ?> b = (Map<?, ?>) block;
      assertEquals(Boolean.TRUE, b.get("wide"), "the line scrolls inside its block: " + blocks);
      assertEquals("0", b.get("tabindex"), blocks.toString());
    }
    checkPageAndAccessibility("a post and comments with long code lines");

    // Tab reaches the post's code block, shows it has the focus, and the arrow keys scroll it.
    // (The paragraph before it is made focusable by script only to start Tab from there.)
    js(
        "document.querySelector('.entry-content p').setAttribute('tabindex', '-1');"
            + "document.querySelector('.entry-content p').focus();");
    new Actions(driver).sendKeys(Keys.TAB).perform();
    assertEquals(
        "PRE",
        js("return document.activeElement.tagName"),
        "the next stop after the text before it");
    Map<?, ?> style =
        (Map<?, ?>)
            js(
                "const s = getComputedStyle(document.activeElement);"
                    + "return {outline: s.outlineStyle, width: parseFloat(s.outlineWidth)};");
    assertTrue(
        !"none".equals(style.get("outline")) && ((Number) style.get("width")).doubleValue() >= 2,
        "the focused code block shows the focus: " + style);
    new Actions(driver).sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT).perform();
    waitUntil(d -> ((Number) js("return document.activeElement.scrollLeft")).doubleValue() > 0);
  }
}
