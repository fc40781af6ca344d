package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import blog.core.post.PostStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The reply form with the keyboard alone: from the top of the page, Tab reaches the skip link and
 * then a comment's Reply link, Enter opens the form there, the fields are typed into and tabbed
 * through, and Enter on "Post Comment" posts. Every element that takes the focus on the way shows
 * it (an outline or a shadow).
 */
class KeyboardReplyTest extends BrowserTestBase {
  private String permalink;
  private long comment;

  @Override
  protected void prepare() {
    Instant at = Instant.now().minus(1, ChronoUnit.DAYS);
    long post =
        fixtures.post(fixtures.author("Kay Board"), "No mouse needed", PostStatus.PUBLISHED, at);
    permalink = permalinkOf(post);
    comment = fixtures.comment(post, null, "Kim", "Can this be answered by keyboard?", at);
  }

  @Test
  void theReplyFormIsReachedFilledInAndSentWithTheKeyboardAlone() {
    open(permalink);
    pressTab();
    assertEquals("Skip to content", focused().getText());
    assertFocusVisible();
    assertTrue(
        (Boolean)
            js(
                "const r = document.activeElement.getBoundingClientRect();"
                    + "return r.left >= 0 && r.top >= 0 && r.width > 0;"),
        "the skip link comes into view when focused");

    String replyLink = "#comment-" + comment + " .comment-reply-link";
    tabUntil(replyLink, 80);
    keys(Keys.ENTER);
    waitUntil(d -> !findAll("#comment-" + comment + " #respond").isEmpty());
    assertEquals("comment", focused().getAttribute("id"), "the form opens at the text");
    assertFocusVisible();
    checkPageAndAccessibility("post with the reply form opened by keyboard");
    assertEquals("comment", focused().getAttribute("id"), "the checks leave the focus alone");

    keys("Typed without a mouse.");
    tabUntil("#author", 3);
    keys("Kee Board");
    tabUntil("#email", 1);
    keys("kee@example.org");
    tabUntil("#submit", 6);
    keys(Keys.ENTER);

    WebElement reply =
        waitUntil(
            d ->
                findAll("#comment-" + comment + " > ol.children > li.comment").stream()
                    .findFirst()
                    .orElse(null));
    assertTrue(reply.getText().contains("Typed without a mouse."), reply.getText());
    assertEquals(reply, focused(), "the new comment takes the focus, so it is read out");
    assertFocusVisible();
    checkPage("post after a reply sent by keyboard");
  }

  /** Presses Tab until the element matching {@code css} has the focus; each stop shows it. */
  private void tabUntil(String css, int most) {
    WebElement target = find(css);
    for (int i = 0; i < most; i++) {
      pressTab();
      assertFocusVisible();
      if (focused().equals(target)) {
        return;
      }
    }
    fail(css + " not reached in " + most + " presses of Tab; at " + describe(focused()));
  }

  private void keys(CharSequence keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  /** The focused element is drawn differently: an outline (the browser's or ours) or a shadow. */
  private void assertFocusVisible() {
    Map<?, ?> style =
        (Map<?, ?>)
            js(
                "const e = document.activeElement; const s = getComputedStyle(e);"
                    + "return {outline: s.outlineStyle, width: parseFloat(s.outlineWidth),"
                    + "  shadow: s.boxShadow, visible: e.matches(':focus-visible')};");
    boolean outline =
        !"none".equals(style.get("outline")) && ((Number) style.get("width")).doubleValue() > 0;
    boolean shadow = !"none".equals(style.get("shadow"));
    assertTrue(outline || shadow, "no visible focus on " + describe(focused()) + ": " + style);
  }

  private String describe(WebElement element) {
    return (String)
        js(
            "const e = arguments[0];"
                + "return e.tagName + (e.id ? '#' + e.id : '') + ' ' + e.textContent.trim().slice(0, 40);",
            element);
  }
}
