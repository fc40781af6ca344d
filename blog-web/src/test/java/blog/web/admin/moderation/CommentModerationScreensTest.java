package blog.web.admin.moderation;

import static blog.web.testing.StaffBrowsers.hidden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentDraft;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentStatus;
import blog.core.identity.IdentityRepository;
import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.post.PostStatus;
import blog.core.testing.Fixtures;
import blog.web.testing.Browser;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import java.net.http.HttpResponse;
import java.time.Instant;
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
  void aReplyInTheQueueSaysWhichCommentItAnswers() {
    long post = postBy(author);
    long sarah =
        fixtures.comment(
            post,
            null,
            "Sarah",
            "As a newbie I found *every* word of this useful, thank you so much",
            TestServer.NOW.minusSeconds(600));
    long reply =
        fixtures.comment(
            post,
            sarah,
            "Gus Guest",
            Fixtures.unique("Glad it helped"),
            TestServer.NOW.minusSeconds(60),
            CommentStatus.PENDING);

    String pending = authorBrowser.page("/admin/comments?status=pending");
    String row = pending.substring(pending.indexOf("id=\"comment-" + reply + "\""));
    row = row.substring(0, row.indexOf("</tr>"));
    assertTrue(
        row.contains(
            "In reply to <a href=\"/admin/comments/"
                + sarah
                + "/edit\">Sarah</a>: <span class=\"queue-quoted\">‘As a newbie I found every word of…’</span>"),
        row);
    String all = authorBrowser.page("/admin/comments?status=all");
    String first = all.substring(all.indexOf("id=\"comment-" + sarah + "\""));
    assertFalse(
        first.substring(0, first.indexOf("</tr>")).contains("In reply to"),
        "a comment that starts a thread answers no one");
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
  void staffRepliesWearTheAuthorBadgeAndAGuestUsingAStaffNameDoesNot() {
    User admin = staff.account(Role.ADMIN, Fixtures.unique("Ada Badge"));
    Browser adminBrowser = staff.loggedIn(admin);
    long post = postBy(author);
    long question = heldComment(post, Fixtures.unique("Who runs this blog?"));
    String impostorText = Fixtures.unique("I am the admin, honest");
    long impostor =
        fixtures.comment(
            post,
            null,
            admin.displayName(),
            impostorText,
            TestServer.NOW.minusSeconds(30),
            CommentStatus.APPROVED);
    String byAuthor = Fixtures.unique("The post's author answers");
    String byAdmin = Fixtures.unique("An admin answers");
    reply(authorBrowser, question, byAuthor);
    reply(adminBrowser, question, byAdmin);
    long authorReply = commentIdOf(post, byAuthor);
    long adminReply = commentIdOf(post, byAdmin);

    String article = publicPage(post);
    String authorHead = commentHead(article, authorReply);
    assertTrue(authorHead.contains("<span class=\"comment-badge\">Author</span>"), authorHead);
    assertTrue(authorHead.contains(" byuser bypostauthor"), "the post's own author");
    String adminHead = commentHead(article, adminReply);
    assertTrue(adminHead.contains("<span class=\"comment-badge\">Author</span>"), adminHead);
    assertTrue(adminHead.contains(" byuser"), "any staff account");
    assertFalse(adminHead.contains("bypostauthor"), "an admin did not write this post");
    String impostorHead = commentHead(article, impostor);
    assertTrue(impostorHead.contains(admin.displayName()), "the guest typed the admin's name");
    assertFalse(impostorHead.contains("comment-badge"), impostorHead);
    assertFalse(impostorHead.contains("byuser"), impostorHead);
    String guestHead = commentHead(article, question);
    assertFalse(guestHead.contains("comment-badge") || guestHead.contains("byuser"), guestHead);

    String queue = adminBrowser.page("/admin/comments?status=all");
    assertTrue(queueRow(queue, adminReply).contains("class=\"comment-badge\">Author</span>"));
    assertTrue(queueRow(queue, authorReply).contains("class=\"comment-badge\">Author</span>"));
    assertFalse(queueRow(queue, impostor).contains("comment-badge"), "named like staff, not staff");
  }

  @Test
  void unapproveSendsAnApprovedCommentBackToPendingAndHidesIt() {
    long post = postBy(author);
    String text = Fixtures.unique("approved then unapproved");
    long id = heldComment(post, text);
    fixtures.approve(id);
    assertTrue(publicPage(post).contains(text), "approved: readers see it");

    HttpResponse<String> unapproved = act(authorBrowser, id, "unapprove", "approved");
    assertEquals(303, unapproved.statusCode(), unapproved.body());
    assertFalse(publicPage(post).contains(text), "readers no longer see it");
    assertTrue(queueRow(authorBrowser.page("/admin/comments?status=pending"), id).contains(text));
    assertFalse(authorBrowser.page("/admin/comments?status=approved").contains(text));
  }

  @Test
  void aQueueRowShowsEmailWebsiteProviderAndTime() {
    long post = postBy(author);
    var jdbi = db.database().jdbi();
    String subject = Fixtures.unique("sub");
    long identity =
        new IdentityRepository(jdbi)
            .save(
                "github",
                subject,
                "Octo Reader",
                "octo@example.org",
                null,
                "https://github.example/octo",
                TestServer.NOW)
            .id();
    String text = Fixtures.unique("signed-in words");
    Instant at = Instant.parse("2026-06-01T08:43:00Z");
    long id =
        new CommentRepository(jdbi)
            .insert(
                new CommentDraft(
                    post,
                    null,
                    "Octo Reader",
                    "octo@example.org",
                    "https://octo.example/blog",
                    identity,
                    null,
                    text,
                    "<p>" + text + "</p>",
                    CommentStatus.PENDING,
                    null,
                    at,
                    "192.0.2.44",
                    "test",
                    null));
    String row = queueRow(authorBrowser.page("/admin/comments?status=pending"), id);
    assertTrue(row.contains("href=\"mailto:octo@example.org\""), row);
    assertTrue(row.contains("https://octo.example/blog"), "the website");
    assertTrue(row.contains("192.0.2.44"), "the IP address");
    assertTrue(row.contains("via github (Octo Reader)"), "the identity provider");
    assertTrue(row.contains("June 1, 2026 at 8:43 AM"), "the time, in the site's format");
  }

  @Test
  void aPostWithCommentsClosedShowsNoFormAndRefusesAComment() {
    long post = postBy(author);
    Browser guest = new Browser(server);
    Map<String, String> form = Browser.replyForm(guest.page(permalinkOf(post)));
    fixtures.closeComments(post);

    String after = guest.page(permalinkOf(post));
    assertFalse(after.contains("<form action=\"/comments/\""), "no reply form");
    assertTrue(after.contains("Comments are closed."));
    form.putAll(
        Map.of("author", "Late Guest", "email", "late@example.org", "comment", "Too late to say."));
    HttpResponse<String> refused = guest.post("/comments/", form);
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("Comments are closed on this post."));
    assertEquals(0, fixtures.countComments(post), "nothing stored");
  }

  private void reply(Browser browser, long to, String text) {
    String page = browser.page("/admin/comments?status=all");
    HttpResponse<String> sent =
        browser.post(
            "/admin/comments/" + to + "/reply",
            Map.of(
                "_csrf",
                hidden(page, "_csrf"),
                "body",
                text,
                "key",
                Fixtures.unique("k"),
                "status",
                "all"));
    assertEquals(303, sent.statusCode(), sent.body());
  }

  private long commentIdOf(long postId, String text) {
    return new Fixtures(db.database().jdbi()).commentId(postId, text);
  }

  /** A public comment's element up to its text: classes, badge, name and date. */
  private static String commentHead(String page, long id) {
    int start = page.indexOf("<li id=\"comment-" + id + "\"");
    assertTrue(start >= 0, "comment " + id + " is on the page");
    return page.substring(start, page.indexOf("class=\"comment-content\"", start));
  }

  /** A comment's row in the moderation queue. */
  private static String queueRow(String page, long id) {
    int start = page.indexOf("<tr id=\"comment-" + id + "\"");
    assertTrue(start >= 0, "comment " + id + " is in the queue");
    return page.substring(start, page.indexOf("</tr>", start));
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
