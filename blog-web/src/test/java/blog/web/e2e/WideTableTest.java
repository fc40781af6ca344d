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
 * A table wider than the column scrolls sideways inside itself, so a keyboard user must be able to
 * reach it to scroll it (axe: scrollable-region-focusable, serious), as code blocks are ({@link
 * ScrollableCodeTest}): in a post, in a comment, and in a comment stored before tables were made
 * focusable. On a phone, where tables are widest against the column.
 */
class WideTableTest extends BrowserTestBase {
  private static final String WIDE_TABLE =
      "| Plan | Reach | Replies | Shares | Notes | Source | Measured on | Compared with |\n"
          + "|---|---|---|---|---|---|---|---|\n"
          + "| Quantity | 12,000 | 14 | 3 | Many readers, few of them staying |"
          + " https://example.org/reports/2024/quantity | 2024-03-01 | the previous quarter |\n"
          + "| Quality | 900 | 212 | 48 | Conversations that last | https://example.org/q |"
          + " 2024-03-01 | the previous quarter |\n";
  private String permalink;

  @Override
  protected Chromium.Options browserOptions() {
    return new Chromium.Options(390, 844, true, true);
  }

  @Override
  protected void prepare() {
    Instant at = Instant.now().minus(1, ChronoUnit.DAYS);
    long post =
        fixtures.postWithBody(
            fixtures.author("Tabitha"),
            "Numbers that run wide",
            "Before the table.\n\n" + WIDE_TABLE + "\nAfter the table.",
            PostStatus.PUBLISHED,
            at);
    permalink = permalinkOf(post);
    fixtures.comment(post, null, "Pat", "Mine is wide too:\n\n" + WIDE_TABLE, at);
    long old = fixtures.comment(post, null, "Old", WIDE_TABLE, at.plusSeconds(1));
    db.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE comments SET body_html = REPLACE(body_html,"
                            + " '<table tabindex=\"0\">', '<table>') WHERE id = :id")
                    .bind("id", old)
                    .execute());
  }

  @Test
  void wideTablesScrollInsideThemselvesAndTheKeyboardReachesThem() {
    open(permalink);
    List<?> tables =
        (List<?>)
            js(
                "return [...document.querySelectorAll('.entry-content table,"
                    + " .comment-content table')].map(t => ({wide: t.scrollWidth > t.clientWidth,"
                    + " tabindex: t.getAttribute('tabindex')}));");
    assertEquals(3, tables.size(), tables.toString());
    for (Object table : tables) {
      Map<?, ?> t = (Map<?, ?>) table;
      assertEquals(Boolean.TRUE, t.get("wide"), "the table scrolls inside itself: " + tables);
      assertEquals("0", t.get("tabindex"), tables.toString());
    }
    assertTrue(
        (Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth;"),
        "the page itself does not scroll sideways");
    checkPageAndAccessibility("a post and comments with wide tables");

    js(
        "document.querySelector('.entry-content p').setAttribute('tabindex', '-1');"
            + "document.querySelector('.entry-content p').focus();");
    new Actions(driver).sendKeys(Keys.TAB).perform();
    assertEquals("TABLE", js("return document.activeElement.tagName"), "the next stop");
    Map<?, ?> style =
        (Map<?, ?>)
            js(
                "const s = getComputedStyle(document.activeElement);"
                    + "return {outline: s.outlineStyle, width: parseFloat(s.outlineWidth)};");
    assertTrue(
        !"none".equals(style.get("outline")) && ((Number) style.get("width")).doubleValue() >= 2,
        "the focused table shows the focus: " + style);
    new Actions(driver).sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT).perform();
    waitUntil(d -> ((Number) js("return document.activeElement.scrollLeft")).doubleValue() > 0);
  }
}
