package blog.web.admin.moderation;

import static blog.web.testing.StaffBrowsers.hidden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentStatus;
import blog.core.post.PostStatus;
import blog.core.testing.Fixtures;
import blog.core.user.Role;
import blog.core.user.User;
import blog.web.testing.Browser;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comment queue over HTTP: tabs, actions, bulk actions, editing, replies and rights. */
class CommentModerationScreensTest extends WebTestBase {
  private StaffBrowsers staff;
  private User author;
  private Browser authorBrowser;

  @Override
  protected void prepare() {
    staff = new StaffBrowsers(db.database().jdbi(), server);
    author = staff.account(Role.AUTHOR, "Paula Poster");
    authorBrowser = staff.loggedIn(author);
  }

  private long postBy(User user) {
    return fixtures.post(
        user.id(),
        Fixtures.unique("Post"),
        PostStatus.PUBLISHED,
        TestServer.NOW.minusSeconds(7200));
  }

  private long heldComment(long postId, String text) {
    return fixtures.comment(
        postId, null, "Gus Guest", text, TestServer.NOW.minusSeconds(60), CommentStatus.PENDING);
  }

  private String publicPage(long postId) {
    return server.page(permalinkOf(postId));
  }

  private HttpResponse<String> act(Browser browser, long id, String action, String status) {
    String page = browser.page("/admin/comments?status=" + status);
    return browser.post(
        "/admin/comments/" + id + "/moderate",
        Map.of("action", action, "status", status, "_csrf", hidden(page, "_csrf")));
  }

  @Test
  void heldCommentIsModeratedFromTheQueueAndReadersSeeTheResult() {
    long post = postBy(author);
    String text = Fixtures.unique("held words");
    long id = heldComment(post, text);

    String pending = authorBrowser.page("/admin/comments?status=pending");
    assertTrue(pending.contains(text), "the held comment is in Pending");
    assertTrue(pending.contains("Gus Guest"));
    assertTrue(pending.contains("127.0.0.1"), "the IP address is shown");
    assertTrue(pending.contains("href=\"" + permalinkOf(post) + "\""), "the post is linked");
    assertTrue(pending.contains("Comments ("), "the nav shows the pending count");
    assertFalse(publicPage(post).contains(text), "held: readers do not see it");

    HttpResponse<String> approved = act(authorBrowser, id, "approve", "pending");
    assertEquals(303, approved.statusCode(), approved.body());
    String location = approved.headers().firstValue("Location").orElseThrow();
    assertTrue(location.startsWith("/admin/comments?status=pending"), location);
    assertTrue(authorBrowser.page(location).contains("1 comment approved."));
    assertTrue(publicPage(post).contains(text), "approved: readers see it");

    assertEquals(303, act(authorBrowser, id, "spam", "approved").statusCode());
    assertFalse(publicPage(post).contains(text), "spam is hidden");
    assertTrue(authorBrowser.page("/admin/comments?status=spam").contains(text));

    assertEquals(303, act(authorBrowser, id, "restore", "spam").statusCode());
    assertTrue(publicPage(post).contains(text), "restored to approved");

    assertEquals(303, act(authorBrowser, id, "trash", "all").statusCode());
    assertFalse(publicPage(post).contains(text), "trash is hidden");
    assertEquals(303, act(authorBrowser, id, "restore", "trash").statusCode());
    assertTrue(publicPage(post).contains(text), "restored from the trash");
  }

  @Test
  void pendingCountShowsInTheAdminMenu() {
    User other = staff.account(Role.AUTHOR, "Counted Author");
    long post = postBy(other);
    heldComment(post, "one");
    heldComment(post, "two");
    assertTrue(staff.loggedIn(other).page("/admin").contains("Comments (2)"));
  }

  @Test
  void bulkApproveTakesEveryTickedComment() {
    long post = postBy(author);
    List<String> texts = List.of(Fixtures.unique("a"), Fixtures.unique("b"), Fixtures.unique("c"));
    List<Long> ids = texts.stream().map(t -> heldComment(post, t)).toList();
    String page = authorBrowser.page("/admin/comments?status=pending");
    HttpResponse<String> done =
        authorBrowser.post(
            "/admin/comments/bulk",
            List.of(
                Map.entry("_csrf", hidden(page, "_csrf")),
                Map.entry("status", "pending"),
                Map.entry("action", "approve"),
                Map.entry("ids", ids.get(0).toString()),
                Map.entry("ids", ids.get(1).toString()),
                Map.entry("ids", ids.get(2).toString())));
    assertEquals(303, done.statusCode(), done.body());
    String location = done.headers().firstValue("Location").orElseThrow();
    assertTrue(authorBrowser.page(location).contains("3 comments approved."));
    String article = publicPage(post);
    texts.forEach(t -> assertTrue(article.contains(t), t));
  }

  @Test
  void editKeepsTypedTextOnErrorAndSavesOnSuccess() {
    long post = postBy(author);
    long id = heldComment(post, "Original words");
    fixtures.approve(id);
    String page = authorBrowser.page("/admin/comments/" + id + "/edit");
    assertTrue(page.contains("Original words"));
    Map<String, String> form = new HashMap<>();
    form.put("_csrf", hidden(page, "_csrf"));
    form.put("name", "Gus Guest");
    form.put("email", "not an email");
    form.put("url", "");
    form.put("body", "Corrected words, typed");
    HttpResponse<String> refused = authorBrowser.post("/admin/comments/" + id + "/edit", form);
    assertEquals(422, refused.statusCode());
    assertTrue(refused.body().contains("Corrected words, typed"), "typed text kept");
    assertTrue(refused.body().contains("value=\"not an email\""), "typed email kept");
    assertTrue(refused.body().contains("class=\"field-error\""), "an error next to the field");
    assertFalse(publicPage(post).contains("Corrected words"));

    form.put("email", "gus@example.org");
    HttpResponse<String> saved = authorBrowser.post("/admin/comments/" + id + "/edit", form);
    assertEquals(303, saved.statusCode(), saved.body());
    assertTrue(publicPage(post).contains("Corrected words, typed"));
  }

  @Test
  void replyAsTheAuthorAppearsOnThePublicPost() {
    long post = postBy(author);
    long id = heldComment(post, "A question?");
    String page = authorBrowser.page("/admin/comments?status=pending");
    String reply = Fixtures.unique("An answer");
    HttpResponse<String> sent =
        authorBrowser.post(
            "/admin/comments/" + id + "/reply",
            Map.of(
                "_csrf", hidden(page, "_csrf"), "body", reply, "key", "k-" + id, "status", "all"));
    assertEquals(303, sent.statusCode(), sent.body());
    String article = publicPage(post);
    assertTrue(article.contains(reply), "the reply is public");
    assertTrue(article.contains("A question?"), "replying approved the held comment");
  }

  @Test
  void anAuthorCannotModerateCommentsOnAnotherAuthorsPost() {
    User other = staff.account(Role.AUTHOR, "Other Author");
    long post = postBy(other);
    String text = Fixtures.unique("not yours");
    long id = heldComment(post, text);
    assertFalse(authorBrowser.page("/admin/comments?status=pending").contains(text));
    assertEquals(403, act(authorBrowser, id, "approve", "pending").statusCode());
    assertEquals(403, authorBrowser.get("/admin/comments/" + id + "/edit").statusCode());
    String page = authorBrowser.page("/admin/comments");
    HttpResponse<String> bulk =
        authorBrowser.post(
            "/admin/comments/bulk",
            List.of(
                Map.entry("_csrf", hidden(page, "_csrf")),
                Map.entry("action", "approve"),
                Map.entry("ids", Long.toString(id))));
    assertEquals(403, bulk.statusCode());
    assertFalse(publicPage(post).contains(text), "nothing changed");

    User admin = staff.account(Role.ADMIN, "Ada Admin");
    assertEquals(303, act(staff.loggedIn(admin), id, "approve", "pending").statusCode());
    assertTrue(publicPage(post).contains(text), "admins moderate everything");
  }

  @Test
  void unknownCommentsAreNotFound() {
    assertEquals(404, authorBrowser.get("/admin/comments/987654321/edit").statusCode());
    assertEquals(404, act(authorBrowser, 987654321L, "approve", "all").statusCode());
  }

  @Test
  void logInAndTheCsrfTokenAreRequired() {
    long post = postBy(author);
    String text = Fixtures.unique("guarded");
    long id = heldComment(post, text);

    Browser stranger = new Browser(server);
    stranger.page("/");
    HttpResponse<String> loggedOut =
        stranger.post(
            "/admin/comments/" + id + "/moderate",
            Map.of("action", "approve", "_csrf", hidden(stranger.page("/admin/login"), "_csrf")));
    assertEquals(403, loggedOut.statusCode());

    HttpResponse<String> noToken =
        authorBrowser.post("/admin/comments/" + id + "/moderate", Map.of("action", "approve"));
    assertEquals(403, noToken.statusCode());
    assertFalse(publicPage(post).contains(text));
  }
}
