package blog.web.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.Comment;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentStatus;
import blog.core.comment.DiscussionSettings;
import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.testing.Fixtures;
import blog.web.testing.Browser;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A staff member reading the public site with their admin session is not a stranger there: the
 * reply form says who they are, their comments go in under their account at once, and the post and
 * its comments link to the editor and the moderation screen. Nothing of it ever reaches another
 * reader through the page cache, neither from a kept page nor from a fresh render.
 */
class StaffOnPublicPagesTest extends WebTestBase {
  private static final String CACHE = "X-Page-Cache";
  private StaffBrowsers staff;
  private SettingsRepository settings;
  private CommentRepository comments;

  @Override
  protected void prepare() {
    staff = new StaffBrowsers(db.database().jdbi(), server);
    settings = new SettingsRepository(db.database().jdbi());
    comments = new CommentRepository(db.database().jdbi());
  }

  @BeforeEach
  void everyGuestCommentIsHeld() {
    // Were staff subject to the rules, each of these would hold or refuse their comment.
    settings.putAll(
        Map.of(
            DiscussionSettings.MODERATION, "all",
            DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "30",
            DiscussionSettings.FLOOD_SECONDS, "600"));
  }

  /** A post by {@code author} with one approved guest comment: the post id and the comment id. */
  private long[] postWithComment(User author) {
    long post =
        fixtures.post(
            author.id(),
            Fixtures.unique("Staff reading"),
            PostStatus.PUBLISHED,
            TestServer.NOW.minusSeconds(3600));
    long comment =
        fixtures.comment(post, null, "Gina Guest", "A guest's thoughts.", TestServer.NOW);
    return new long[] {post, comment};
  }

  private static String cache(HttpResponse<String> response) {
    return response.headers().firstValue(CACHE).orElse("");
  }

  /** GETs {@code path} anonymously until the page cache answers it, for at most five seconds. */
  private HttpResponse<String> keptFor(String path) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (true) {
      HttpResponse<String> answer = new Browser(server).get(path);
      if ("hit".equals(cache(answer))) {
        return answer;
      }
      assertTrue(System.nanoTime() < deadline, "the page is never answered from the cache");
      Thread.onSpinWait();
    }
  }

  private static void assertNothingOfStaff(String page) {
    assertFalse(page.contains("Logged in as"), "a reader is not told someone is logged in");
    assertFalse(page.contains("/admin/posts/"), "no link to the editor");
    assertFalse(page.contains("/admin/comments/"), "no link to the moderation screen");
    assertFalse(page.contains("/admin/logout"), "no staff log-out");
    assertTrue(page.contains("name=\"author\""), "the guest fields are there");
  }

  @Test
  void staffSeeWhoTheyAreAndEditLinksWhileTheKeptPageStaysAnonymous() throws Exception {
    User pat = staff.account(Role.AUTHOR, "Pat Editor");
    long[] ids = postWithComment(pat);
    String permalink = permalinkOf(ids[0]);
    keptFor(permalink);

    HttpResponse<String> asStaff = staff.loggedIn(pat).get(permalink);
    assertEquals(200, asStaff.statusCode());
    String page = asStaff.body();
    assertTrue(page.contains("Logged in as"), page);
    assertTrue(page.contains(">Pat Editor</a>."), "their name, as WordPress says it");
    assertTrue(page.contains("formaction=\"/admin/logout\""), "Log out? sends the form");
    assertTrue(page.contains(">Log out?</button>"));
    assertTrue(page.contains("href=\"/admin/posts/" + ids[0] + "/edit\""), "edit the post");
    assertTrue(page.contains("href=\"/admin/comments/" + ids[1] + "/edit\""), "edit the comment");
    assertFalse(page.contains("name=\"author\""), "no name field");
    assertFalse(page.contains("name=\"email\""), "no email field");
    assertFalse(page.contains("name=\"url\""), "no website field");
    assertFalse(page.contains("class=\"login-buttons\""), "no log-in buttons");
    assertNotEquals("hit", cache(asStaff), "a staff session is never answered from the cache");
    assertTrue(
        asStaff.headers().firstValue("Cache-Control").orElse("").contains("no-store"),
        "no browser or proxy keeps it either");

    HttpResponse<String> after = new Browser(server).get(permalink);
    assertEquals("hit", cache(after), "the kept page is still the readers'");
    assertNothingOfStaff(after.body());
  }

  @Test
  void aPageRenderedForStaffIsNeverKeptForReaders() throws Exception {
    User pat = staff.account(Role.AUTHOR, "Pat Editor");
    long[] ids = postWithComment(pat);
    String permalink = permalinkOf(ids[0]);
    Browser patsBrowser = staff.loggedIn(pat);
    // A change readers can see: every kept page is stale, so the staff member's GET renders anew.
    settings.putAll(Map.of("site.tagline", Fixtures.unique("Fresh")));

    String page = patsBrowser.page(permalink);
    assertTrue(page.contains("Logged in as"));
    assertTrue(page.contains("/admin/comments/" + ids[1] + "/edit"));

    HttpResponse<String> first = new Browser(server).get(permalink);
    assertEquals("miss", cache(first), "rendered for the reader, not the staff member's page");
    assertNothingOfStaff(first.body());
    HttpResponse<String> kept = keptFor(permalink);
    assertNothingOfStaff(kept.body());
  }

  @Test
  void aCommentFromAStaffSessionIsApprovedAtOnceUnderTheirAccount() {
    User pat = staff.account(Role.AUTHOR, "Pat Editor");
    long[] ids = postWithComment(pat);
    String permalink = permalinkOf(ids[0]);
    Browser patsBrowser = staff.loggedIn(pat);
    Map<String, String> form = Browser.replyForm(patsBrowser.page(permalink));
    String text = Fixtures.unique("Thanks for reading");
    form.put("comment", text);
    // A forged name in the request changes nothing: the account says who writes.
    form.put("author", "Someone Else");

    HttpResponse<String> sent = patsBrowser.post("/comments/", form);
    assertEquals(303, sent.statusCode(), sent.body());
    Comment stored = comments.findById(fixtures.commentId(ids[0], text)).orElseThrow();
    assertEquals(CommentStatus.APPROVED, stored.status(), "not held, though every comment is");
    assertEquals(pat.id(), stored.userId());
    assertEquals("Pat Editor", stored.authorName());
    assertTrue(
        sent.headers().firstValue("Location").orElseThrow().endsWith("#comment-" + stored.id()));

    String readers = new Browser(server).page(permalink);
    int at = readers.indexOf("id=\"comment-" + stored.id() + "\"");
    assertTrue(at > 0, "public at once");
    String item = readers.substring(at, readers.indexOf("</article>", at));
    assertTrue(item.contains(" byuser bypostauthor\""), "marked as the post author's: " + item);
    assertTrue(item.contains("<span class=\"comment-badge\">Author</span>"), item);
    assertTrue(item.contains("Pat Editor"), item);
  }

  @Test
  void theStaffCommentAndTheLogOutNeedTheFormsCsrfToken() {
    User pat = staff.account(Role.AUTHOR, "Pat Editor");
    long[] ids = postWithComment(pat);
    String permalink = permalinkOf(ids[0]);
    Browser patsBrowser = staff.loggedIn(pat);
    Map<String, String> form = Browser.replyForm(patsBrowser.page(permalink));
    String text = Fixtures.unique("Forged");
    form.put("comment", text);

    Map<String, String> forged = new HashMap<>(form);
    forged.put("_csrf", "not-the-token");
    HttpResponse<String> refused = patsBrowser.post("/comments/", forged);
    assertEquals(422, refused.statusCode());
    assertEquals(1, fixtures.countComments(ids[0]), "nothing stored");
    HttpResponse<String> noLogOut = patsBrowser.post("/admin/logout", forged);
    assertEquals(403, noLogOut.statusCode());
    assertTrue(patsBrowser.page(permalink).contains("Logged in as"), "still logged in");

    // Log out? sends the reply form (and its token): back to the post, the comment as typed.
    HttpResponse<String> out = patsBrowser.post("/admin/logout", form);
    assertEquals(303, out.statusCode());
    String back = out.headers().firstValue("Location").orElseThrow();
    assertTrue(back.startsWith(permalink + "?draft="), back);
    String page = patsBrowser.page(back.substring(0, back.indexOf('#')));
    assertFalse(page.contains("Logged in as"));
    assertTrue(page.contains("You are logged out."));
    assertTrue(page.contains(text), "the typed comment is kept");
    assertEquals(303, patsBrowser.get("/admin").statusCode(), "the admin asks for a log-in");
  }

  @Test
  void staffWhoMayNotEditAPostSeeNoEditLinksOnIt() {
    User owner = staff.account(Role.AUTHOR, "Olive Owner");
    User other = staff.account(Role.AUTHOR, "Otto Other");
    long[] ids = postWithComment(owner);
    String page = staff.loggedIn(other).page(permalinkOf(ids[0]));
    assertTrue(page.contains("Logged in as"), "still known on the public site");
    assertFalse(page.contains("/admin/posts/" + ids[0] + "/edit"));
    assertFalse(page.contains("/admin/comments/"));

    User admin = staff.account(Role.ADMIN, "Ada Admin");
    String adminsPage = staff.loggedIn(admin).page(permalinkOf(ids[0]));
    assertTrue(adminsPage.contains("/admin/posts/" + ids[0] + "/edit"), "admins edit every post");
    assertTrue(adminsPage.contains("/admin/comments/" + ids[1] + "/edit"));
  }
}
