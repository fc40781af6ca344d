package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.post.PostStatus;
import blog.web.testing.LoopbackAddress;
import blog.web.testing.RemoteAccount;
import blog.web.testing.StaffBrowsers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A reader meets the fediverse under a post: a reply from an account on another server (signed and
 * delivered to the inbox, as Mastodon does) shows in the thread with its author's name, a link to
 * their profile, "via the fediverse" and an avatar the blog serves itself; the post's likes and
 * boosts are said once, quietly; the reply form offers "Share this comment with the fediverse". The
 * page and the admin's Fediverse screen are valid HTML, keep the Content-Security-Policy and have
 * no serious accessibility problem; screenshots are kept under {@code target/fediverse-shots/}.
 * {@link FediverseReplyJourneyOnAPhoneTest} does the same on a phone.
 */
class FediverseReplyJourneyTest extends BrowserTestBase {
  static final Path SHOTS = Path.of("target", "fediverse-shots");

  private LoopbackAddress address;
  private RemoteAccount alice;
  private String permalink;
  private String reply;
  private User admin;

  @Override
  protected Map<String, String> config() {
    address = LoopbackAddress.free();
    return address.withPeers("federation");
  }

  @Override
  protected void prepare() {
    settings().putAll(Map.of(DiscussionSettings.MODERATION, "none"));
    admin = new StaffBrowsers(db.database().jdbi(), server).account(Role.ADMIN, "Fediverse Owner");
    alice = RemoteAccount.start("alice");
    // Published once federation is on, so it goes out and its form offers to share.
    waitFor(() -> settings().all().containsKey("federation.posts.since"));
    long post =
        fixtures.post(
            fixtures.author("Harbour Writer"),
            "Notes from the harbour",
            PostStatus.PUBLISHED,
            Instant.now().truncatedTo(ChronoUnit.MICROS));
    permalink = permalinkOf(post);
    String objectId = address.base() + "/federation/posts/" + post;
    waitFor(() -> federated(post));

    reply = "What a lovely harbour! I sailed past it last summer.";
    String note = alice.base() + "/notes/1";
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("id", note);
    object.put("type", "Note");
    object.put("attributedTo", alice.id());
    object.put("inReplyTo", objectId);
    object.put("content", "<p>" + reply + "</p>");
    object.put("to", List.of("https://www.w3.org/ns/activitystreams#Public"));
    send(activity("Create", note + "/create", object));
    send(activity("Like", alice.id() + "/likes/1", objectId));
    send(activity("Announce", alice.id() + "/boosts/1", objectId));
  }

  @AfterAll
  void stopRemote() {
    if (alice != null) {
      alice.close();
    }
  }

  @Test
  void aFediverseReplyShowsInTheThreadWithTheBlogsOwnCopyOfItsAvatar() {
    forgetEveryone();
    open(permalink);
    WebElement comment =
        waitUntil(
            d ->
                findAll("li.comment").stream()
                    .filter(li -> li.getText().contains(reply))
                    .findFirst()
                    .orElse(null));
    checkPageAndAccessibility("a post with a reply from the fediverse");

    assertEquals(
        "via the fediverse", comment.findElement(By.cssSelector(".comment-via")).getText());
    WebElement author = comment.findElement(By.cssSelector(".fn a"));
    assertTrue(author.getText().startsWith("Remote alice"), author.getText());
    assertEquals(alice.id(), author.getAttribute("href"), "a link to their profile");
    String avatar = comment.findElement(By.cssSelector("img.avatar")).getAttribute("src");
    assertTrue(
        avatar.startsWith(address.base() + "/federation/avatars/"),
        "served by the blog: " + avatar);
    assertTrue(
        (Boolean)
            js(
                "const i = arguments[0].querySelector('img.avatar');"
                    + "return i.complete && i.naturalWidth > 0;",
                comment),
        "and it loads");
    assertEquals(
        "1 like and 1 boost from the fediverse",
        find(".entry-footer .fediverse-reactions").getText());
    WebElement share = find("#share_fediverse");
    assertTrue(share.isSelected(), "sharing is offered, ticked");
    assertEquals(
        "Share this comment with the fediverse.", find("label[for=share_fediverse]").getText());

    String width = Integer.toString(browserOptions().width());
    keepFullPage(SHOTS.resolve("fediverse-reply-" + width + ".png"));
    keepPart("#comments", SHOTS.resolve("fediverse-reply-" + width + "-thread.png"));

    logInToAdmin(admin.username(), StaffBrowsers.PASSWORD);
    open("/admin/fediverse");
    checkPageAndAccessibility("the admin's Fediverse screen");
    assertTrue(find("#share-comments").isSelected());
    assertTrue(
        findAll("table tr").stream()
            .anyMatch(tr -> tr.getText().contains("Notes from the harbour")),
        "the post's likes and boosts are listed");
    keepFullPage(SHOTS.resolve("admin-fediverse-" + width + ".png"));
  }

  private Map<String, Object> activity(String type, String id, Object object) {
    Map<String, Object> activity = new LinkedHashMap<>();
    activity.put("@context", "https://www.w3.org/ns/activitystreams");
    activity.put("id", id);
    activity.put("type", type);
    activity.put("actor", alice.id());
    activity.put("object", object);
    return activity;
  }

  private void send(Map<String, Object> activity) {
    HttpResponse<String> answer = alice.send(address.base(), activity);
    assertEquals(202, answer.statusCode(), answer.body());
  }

  private boolean federated(long post) {
    return db.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT COUNT(*) FROM federation_posts WHERE post_id = :id")
                        .bind("id", post)
                        .mapTo(Long.class)
                        .one())
        == 1;
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out");
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }
}
