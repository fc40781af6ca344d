package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentStatus;
import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.post.PostStatus;
import blog.web.testing.StaffBrowsers;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The moderation queue as a moderator works through it: every comment's author, text, post and
 * actions within the window with no sideways scroll, the actions that take a comment away in red,
 * and a reply saying which comment it answers. Kept as screenshots under {@code
 * target/admin-shots/}; {@link ModerationQueueLookOnAPhoneTest} on a phone 390 pixels wide.
 */
class ModerationQueueLookTest extends BrowserTestBase {
  static final Path SHOTS = Path.of("target", "admin-shots");

  private User admin;

  @Override
  protected void prepare() {
    admin = new StaffBrowsers(db.database().jdbi(), server).account(Role.ADMIN, "Ada Admin");
    Instant now = Instant.now();
    long post =
        fixtures.post(
            admin.id(),
            "Getting started with a self-hosted blog, step by step",
            PostStatus.PUBLISHED,
            now.minusSeconds(86_400));
    long sarah =
        fixtures.comment(
            post,
            null,
            "Sarah",
            "As a newbie to blogging I found this really helpful. Which theme would you start with?",
            now.minusSeconds(7200));
    long reply =
        fixtures.comment(
            post,
            sarah,
            "Marcus Oyelaran-Whitfield",
            "Seconding Sarah: the part about backups saved me an evening. A longer note, so the"
                + " text wraps over several lines on a phone, with a link to"
                + " https://example.org/a/really/long/path/that/should/wrap/rather/than/scroll",
            now.minusSeconds(1800),
            CommentStatus.PENDING);
    long held =
        fixtures.comment(
            post,
            null,
            "cheap-watches",
            "Great post!!! Visit my site",
            now.minusSeconds(600),
            CommentStatus.PENDING);
    db.database()
        .jdbi()
        .useHandle(
            h -> {
              h.createUpdate(
                      "UPDATE comments SET author_email = :e, author_url = :u WHERE id = :id")
                  .bind("e", "marcus.oyelaran-whitfield@mail.example.org")
                  .bind("u", "https://marcus-writes-about-everything.example.org/")
                  .bind("id", reply)
                  .execute();
              h.createUpdate("UPDATE comments SET held_reason = :r WHERE id = :id")
                  .bind("r", "contains a link")
                  .bind("id", held)
                  .execute();
            });
  }

  @Test
  void everyCommentAndActionFitsTheWindowAndRemovingActionsStandOut() {
    logInToAdmin(admin.username(), StaffBrowsers.PASSWORD);
    open("/admin/comments?status=pending");
    checkPageAndAccessibility("moderation queue");

    long pageWidth = (Long) js("return document.documentElement.scrollWidth");
    long windowWidth = (Long) js("return document.documentElement.clientWidth");
    assertTrue(pageWidth <= windowWidth, "no sideways scroll: " + pageWidth + " > " + windowWidth);

    List<WebElement> rows = findAll(".queue-row");
    assertEquals(2, rows.size());
    for (WebElement row : rows) {
      for (String part :
          List.of(".queue-author", ".queue-body", ".queue-post a", ".queue-select input")) {
        WebElement element = row.findElement(org.openqa.selenium.By.cssSelector(part));
        assertTrue(element.isDisplayed(), part + " is shown");
        assertWithinWindow(element, part);
      }
      List<WebElement> actions =
          row.findElements(org.openqa.selenium.By.cssSelector(".queue-action"));
      assertEquals(
          List.of("Approve", "Spam", "Trash", "Edit"),
          actions.stream().map(WebElement::getText).toList());
      actions.forEach(a -> assertWithinWindow(a, a.getText()));
    }

    WebElement approve = find(".action-approve");
    String approveColour = approve.getCssValue("color");
    for (String removing : List.of(".action-spam", ".action-trash")) {
      assertNotEquals(approveColour, find(removing).getCssValue("color"), removing + " stands out");
    }
    assertEquals(
        "rgba(0, 0, 0, 0)", approve.getCssValue("background-color"), "a quiet text action");

    WebElement replyTo = find(".queue-reply-to");
    assertTrue(
        replyTo.getText().startsWith("In reply to Sarah: ‘As a newbie to blogging"),
        replyTo.getText());
    assertWithinWindow(replyTo.findElement(org.openqa.selenium.By.tagName("a")), "reply-to link");

    String name = "moderation-queue-" + browserOptions().width();
    keepFullPage(SHOTS.resolve(name + ".png"));
  }

  private void assertWithinWindow(WebElement element, String what) {
    Number right = (Number) js("return arguments[0].getBoundingClientRect().right", element);
    long width = (Long) js("return document.documentElement.clientWidth");
    assertTrue(right.doubleValue() <= width, what + " ends at " + right + ", past " + width);
  }
}
