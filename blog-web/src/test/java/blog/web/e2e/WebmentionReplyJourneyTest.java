package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.post.PostStatus;
import blog.core.webmention.Mention;
import blog.web.testing.LoopbackAddress;
import blog.web.testing.Mentions;
import blog.web.testing.OtherSite;
import blog.web.testing.StaffBrowsers;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A reader meets a reply written on another site under a post: a Webmention from a second site on
 * 127.0.0.1 ({@link OtherSite}, real h-entry markup) is verified and shows in the thread with its
 * author's name linking to their site, "via Webmention" and the photo the blog fetched once and
 * serves itself. The page and the admin's Webmention screen are valid HTML, keep the
 * Content-Security-Policy and have no serious accessibility problem; screenshots are kept under
 * {@code target/webmention-shots/}. {@link WebmentionReplyJourneyOnAPhoneTest} does the same on a
 * phone.
 */
class WebmentionReplyJourneyTest extends BrowserTestBase {
  static final Path SHOTS = Path.of("target", "webmention-shots");

  private LoopbackAddress address;
  private OtherSite other;
  private String permalink;
  private String reply;
  private User admin;

  @Override
  protected Map<String, String> config() {
    address = LoopbackAddress.free();
    return address.withPeers("webmention");
  }

  @Override
  protected void prepare() {
    settings().putAll(Map.of(DiscussionSettings.MODERATION, "none"));
    admin = new StaffBrowsers(db.database().jdbi(), server).account(Role.ADMIN, "Webmention Owner");
    try {
      other = new OtherSite();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    long post =
        fixtures.post(
            fixtures.author("Lighthouse Keeper"),
            "A night at the lighthouse",
            PostStatus.PUBLISHED,
            Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MICROS));
    permalink = permalinkOf(post);
    String target = address.base() + permalink;
    reply = "I kept that light once too; the fog horn still wakes me some nights.";
    other.html("/notes/lighthouse", other.entry("u-in-reply-to", target, reply));
    String source = other.url("/notes/lighthouse");
    Instant sent = Instant.now().minusMillis(1);
    HttpResponse<String> answer = Mentions.send(address.base(), source, target);
    assertEquals(202, answer.statusCode(), answer.body());
    Mention mention = Mentions.awaitVerified(db.database().jdbi(), source, target, sent);
    assertEquals(Mention.ACCEPTED, mention.status(), mention.reason());
  }

  @AfterAll
  void stopOther() {
    if (other != null) {
      other.close();
    }
  }

  @Test
  void aWebmentionReplyShowsInTheThreadWithTheBlogsOwnCopyOfItsAuthorsPhoto() {
    forgetEveryone();
    open(permalink);
    WebElement comment =
        waitUntil(
            d ->
                findAll("li.comment").stream()
                    .filter(li -> li.getText().contains(reply))
                    .findFirst()
                    .orElse(null));
    checkPageAndAccessibility("a post with a reply by Webmention");

    assertEquals("via Webmention", comment.findElement(By.cssSelector(".comment-via")).getText());
    WebElement author = comment.findElement(By.cssSelector(".fn a"));
    assertTrue(author.getText().startsWith("Alice Remote"), author.getText());
    assertEquals(other.url("/"), author.getAttribute("href"), "a link to their site");
    String avatar = comment.findElement(By.cssSelector("img.avatar")).getAttribute("src");
    assertTrue(
        avatar.startsWith(address.base() + "/webmention/avatars/"),
        "served by the blog: " + avatar);
    assertTrue(
        (Boolean)
            js(
                "const i = arguments[0].querySelector('img.avatar');"
                    + "return i.complete && i.naturalWidth > 0;",
                comment),
        "and it loads");
    assertEquals(1, other.photoFetches(), "fetched once, by the blog; not by the reader");

    String width = Integer.toString(browserOptions().width());
    keepFullPage(SHOTS.resolve("webmention-reply-" + width + ".png"));
    keepPart("#comments", SHOTS.resolve("webmention-reply-" + width + "-thread.png"));

    logInToAdmin(admin.username(), StaffBrowsers.PASSWORD);
    open("/admin/webmention");
    checkPageAndAccessibility("the admin's Webmention screen");
    assertTrue(
        findAll("table tr").stream().anyMatch(tr -> tr.getText().contains("Alice Remote")),
        "the mention is listed with its author");
    keepFullPage(SHOTS.resolve("admin-webmention-" + width + ".png"));
  }
}
