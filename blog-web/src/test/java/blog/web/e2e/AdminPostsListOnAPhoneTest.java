package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.post.PostStatus;
import blog.web.testing.StaffBrowsers;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin's list of posts on a phone 390 pixels wide: no sideways scroll, and each post a card
 * with its title, author, status, date and actions all within the window; Trash in red. Kept as a
 * screenshot under {@code target/admin-shots/}.
 */
class AdminPostsListOnAPhoneTest extends BrowserTestBase {
  private User admin;

  @Override
  protected Chromium.Options browserOptions() {
    return new Chromium.Options(390, 844, true, true);
  }

  @Override
  protected void prepare() {
    admin = new StaffBrowsers(db.database().jdbi(), server).account(Role.ADMIN, "Paula Phone");
    Instant now = Instant.now();
    fixtures.post(
        admin.id(),
        "A rather long title for a post, so that it has to wrap over two lines or more on a phone",
        PostStatus.PUBLISHED,
        now.minusSeconds(86_400));
    fixtures.post(admin.id(), "A draft", PostStatus.DRAFT, now.minusSeconds(3600));
    fixtures.post(
        admin.id(),
        "Pneumonoultramicroscopicsilicovolcanoconiosis-and-more",
        PostStatus.PUBLISHED,
        now.minusSeconds(7200));
  }

  @Test
  void everyPostsTitleAuthorStatusDateAndActionsAreWithinTheWindow() {
    logInToAdmin(admin.username(), StaffBrowsers.PASSWORD);
    open("/admin/posts");
    checkPageAndAccessibility("the posts list on a phone");
    long windowWidth = (Long) js("return document.documentElement.clientWidth;");
    long pageWidth = (Long) js("return document.documentElement.scrollWidth;");
    assertTrue(pageWidth <= windowWidth, "no sideways scroll: " + pageWidth + " > " + windowWidth);
    List<WebElement> rows = findAll(".post-list tbody tr");
    assertEquals(4, rows.size(), "the seed post and the three above");
    for (WebElement row : rows) {
      for (String part :
          List.of(".post-title a", ".post-author", ".post-status", ".post-date", ".post-edit")) {
        WebElement element = row.findElement(By.cssSelector(part));
        assertTrue(element.isDisplayed(), part + " is shown");
        assertWithinWindow(element, part);
      }
      WebElement trash = row.findElement(By.cssSelector(".action-trash"));
      assertWithinWindow(trash, "Trash");
      assertNotEquals(
          row.findElement(By.cssSelector(".post-edit")).getCssValue("color"),
          trash.getCssValue("color"),
          "Trash stands out");
    }
    assertTrue(
        rows.stream().anyMatch(r -> r.getText().startsWith("A rather long title")),
        "a card starts with its title");
    keepFullPage(ModerationQueueLookTest.SHOTS.resolve("posts-list-390.png"));

    open("/admin/posts?status=trash");
    checkPageAndAccessibility("the empty trash on a phone");
  }

  private void assertWithinWindow(WebElement element, String what) {
    Number right = (Number) js("return arguments[0].getBoundingClientRect().right;", element);
    long width = (Long) js("return document.documentElement.clientWidth;");
    assertTrue(right.doubleValue() <= width, what + " ends at " + right + ", past " + width);
  }
}
