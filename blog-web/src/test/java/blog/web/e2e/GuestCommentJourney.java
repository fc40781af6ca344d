package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.post.PostStatus;
import blog.web.testing.StaffBrowsers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * Journey 2: a guest's first comment waits for moderation, an admin approves it in /admin, a reader
 * then sees it, and the guest's reply to it nests under it. Run with JavaScript on (the form moves
 * and submits in place) and off (links and plain form posts).
 */
abstract class GuestCommentJourney extends BrowserTestBase {
  private User admin;
  private String permalink;

  /** Whether the page's scripts run. */
  abstract boolean javascript();

  @Override
  protected Chromium.Options browserOptions() {
    Chromium.Options desktop = Chromium.Options.desktop();
    return javascript() ? desktop : desktop.withoutJavaScript();
  }

  @Override
  protected void prepare() {
    admin = new StaffBrowsers(db.database().jdbi(), server).account(Role.ADMIN, "Mo Moderator");
    long post =
        fixtures.post(
            fixtures.author("Penny Poster"),
            "Open for comments " + (javascript() ? "with" : "without") + " JavaScript",
            PostStatus.PUBLISHED,
            Instant.now().minus(1, ChronoUnit.HOURS));
    permalink = permalinkOf(post);
  }

  @Test
  void theHintOnWhatMarkupWorksStaysBesideTheCounter() {
    open(permalink);
    type("#comment", "Hello");
    WebElement hint = find("#comment-hint");
    assertTrue(hint.isDisplayed(), "the hint shows");
    assertEquals("Plain text; *emphasis*, links, `code` and > quotes work.", hint.getText());
    String counter = find("#comment-counter").getText();
    if (javascript()) {
      assertTrue(counter.matches("5 / [0-9]+ characters"), counter);
    } else {
      assertTrue(counter.matches("Up to [0-9]+ characters\\."), counter);
    }
    assertEquals("comment-hint comment-counter", find("#comment").getAttribute("aria-describedby"));
  }

  @Test
  void aGuestCommentIsHeldApprovedSeenByReadersAndARepliesNestUnderIt() {
    // A guest writes a first comment: it waits for moderation, visible to them alone.
    open(permalink);
    checkPageAndAccessibility("post");
    type("#comment", "A first thought from a guest.");
    type("#author", "Gail Guest");
    type("#email", "gail@example.org");
    find("#remember").click();
    markPage();
    find("#submit").click();
    WebElement held = waitForComment("A first thought from a guest.");
    assertTrue(held.getText().contains("Your comment is awaiting moderation."), held.getText());
    assertEquals(javascript(), samePage(), "JavaScript posts in place; without it the page loads");
    assertEquals(
        "", find("#comment").getAttribute("value"), "the form is empty for the next comment");
    checkPage("post with a held comment");
    String anchor = held.getAttribute("id");
    Set<Cookie> guest = cookies();

    // An admin approves it from the moderation queue.
    forgetEveryone();
    logInToAdmin(admin.username(), StaffBrowsers.PASSWORD);
    checkPageAndAccessibility("admin dashboard");
    link("Comments (1)").click();
    waitForPath("/admin/comments");
    checkPageAndAccessibility("moderation queue");
    WebElement row = find("tr#" + anchor);
    assertTrue(row.getText().contains("Gail Guest"), row.getText());
    row.findElement(By.cssSelector("button.action-approve")).click();
    waitUntil(d -> find(".admin-notice").getText().contains("approved"));
    checkPage("moderation queue after approving");
    assertEquals("approved", find("tr#" + anchor + " .queue-status").getText());

    // A reader sees it.
    forgetEveryone();
    open(permalink);
    WebElement approved = find("li#" + anchor);
    assertTrue(approved.getText().contains("A first thought from a guest."));
    assertFalse(approved.getText().contains("awaiting moderation"), approved.getText());
    checkPage("post with an approved comment");

    // The guest comes back and replies to it; the remembered details fill the form.
    restoreCookies(guest);
    open(permalink);
    assertEquals("Gail Guest", find("#author").getAttribute("value"));
    markPage();
    find("li#" + anchor + " .comment-reply-link").click();
    WebElement respond =
        waitUntil(d -> findAll("li#" + anchor + " #respond").stream().findFirst().orElse(null));
    assertEquals(javascript(), samePage(), "JavaScript moves the form; without it a page loads");
    assertTrue(
        find("#reply-title").getText().startsWith("Leave a Reply to Gail Guest"),
        find("#reply-title").getText());
    assertTrue(respond.isDisplayed());
    checkPageAndAccessibility("post with the reply form open");
    type("#comment", "Answering my own thought, one level down.");
    markPage();
    find("#submit").click();
    WebElement reply = waitForComment("Answering my own thought, one level down.");
    assertEquals(javascript(), samePage());
    assertEquals(
        reply,
        find("li#" + anchor + " > ol.children > li.comment"),
        "the reply is nested under the comment it answers");
    assertFalse(
        reply.getText().contains("awaiting moderation"),
        "an approved commenter's next comment appears at once");
    checkPage("post with the nested reply");

    // A reader sees the thread as the guest does.
    forgetEveryone();
    open(permalink);
    assertTrue(
        find("li#" + anchor + " > ol.children > li.comment")
            .getText()
            .contains("Answering my own thought"));
    checkPage("post with the thread, as readers see it");
  }

  /** Marks the current document, to tell later whether the browser loaded another. */
  private void markPage() {
    js("window.__journeyMark = true");
  }

  private boolean samePage() {
    return Boolean.TRUE.equals(js("return window.__journeyMark === true"));
  }

  /** The comment (its list item) whose text contains {@code text}, once it is on the page. */
  private WebElement waitForComment(String text) {
    return waitUntil(
        d ->
            findAll("li.comment").stream()
                .filter(
                    li -> li.findElement(By.cssSelector(".comment-body")).getText().contains(text))
                .findFirst()
                .orElse(null));
  }
}
