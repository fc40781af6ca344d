package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.PostStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A post printed: the post and its comments in black on white, without what only works on a screen
 * (menu, sidebar, reply form, buttons), and the address of every link in the text after it, since
 * paper has no links. Long code lines and wide tables print whole instead of scrolling.
 */
class PrintStylesheetTest extends BrowserTestBase {
  private String permalink;

  @Override
  protected void prepare() {
    Instant at = Instant.now().minus(1, ChronoUnit.DAYS);
    long post =
        fixtures.postWithBody(
            fixtures.author("Petra Print"),
            "Worth printing",
            "Read [the guide](https://example.org/guide) and [the notes](/notes/), or"
                + " [jump](#end).\n\n```\n"
                + "a line of code that is far too long to fit on the printed page ".repeat(4)
                + "\n```",
            PostStatus.PUBLISHED,
            at);
    permalink = permalinkOf(post);
    fixtures.comment(
        post, null, "Carl Comment", "See https://example.org/more too.", at.plusSeconds(60));
  }

  @AfterEach
  void backToTheScreen() {
    if (driver != null) {
      Looks.screen(driver);
    }
  }

  @Test
  void aPostPrintsWithoutItsControlsAndWithTheAddressesOfItsLinks() {
    open(permalink);
    assertEquals("block", display("#respond"), "on screen the reply form shows");
    Looks.print(driver);
    for (String hidden :
        List.of(
            "#respond",
            ".sidebar",
            ".comment .reply",
            ".skip-link",
            "#respond button",
            ".search-form")) {
      assertEquals("none", display(hidden), hidden + " is not printed");
    }
    assertEquals("block", display(".entry-content"));
    assertEquals("block", display(".comment-list"), "comments print, plainly");
    Map<?, ?> text =
        (Map<?, ?>)
            js(
                "const s = getComputedStyle(document.querySelector('.entry-content p'));"
                    + "return {color: s.color, size: parseFloat(s.fontSize),"
                    + " background: getComputedStyle(document.body).backgroundColor};");
    assertEquals("rgb(0, 0, 0)", text.get("color"), "black text");
    assertEquals("rgb(255, 255, 255)", text.get("background"), "on white");
    assertTrue(((Number) text.get("size")).doubleValue() >= 13, "readable: " + text);

    // Each link's address follows it; links within the page need none.
    assertEquals(" (https://example.org/guide)", after(".entry-content a[href^='https']"));
    assertEquals(" (/notes/)", after(".entry-content a[href='/notes/']"));
    assertEquals("none", after(".entry-content a[href='#end']"));
    assertEquals(" (https://example.org/more)", after(".comment-content a"));
    // The long line wraps rather than being cut at the paper's edge.
    assertEquals(
        Boolean.TRUE,
        js(
            "const p = document.querySelector('.entry-content pre');"
                + "return p.scrollWidth <= p.clientWidth + 1;"),
        "the code block prints whole");
  }

  private String display(String css) {
    return (String)
        js("return getComputedStyle(document.querySelector(arguments[0])).display", css);
  }

  private String after(String css) {
    return (String)
        js(
            "const e = document.querySelector(arguments[0]);"
                + "const c = getComputedStyle(e, '::after').content;"
                + "if (c === 'none' || c === 'normal') return 'none';"
                // Chromium may give attr() unresolved: the text is its quoted parts and the
                // attribute.
                + "return c.replace(/attr\\(href\\)/g, JSON.stringify(e.getAttribute('href')))"
                + "  .match(/\"(?:[^\"\\\\]|\\\\.)*\"/g).map(t => JSON.parse(t)).join('');",
            css);
  }
}
