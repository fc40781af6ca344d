package blog.web.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.identity.UserRepository;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.testing.Fixtures;
import blog.web.testing.Browser;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.TestServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Notification mails through a real SMTP server (GreenMail) on loopback. */
class CommentMailTest extends MailTestBase {

  private SettingsRepository settings;

  @Override
  protected void prepare() {
    settings = new SettingsRepository(db.database().jdbi());
    settings.putAll(
        Map.of(
            DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0",
            DiscussionSettings.FLOOD_SECONDS, "0",
            DiscussionSettings.MODERATION, "first"));
  }

  private record Written(String permalink, String authorEmail) {}

  private Written postByAuthorWithEmail() {
    String email = Fixtures.unique("writer") + "@example.org";
    long author =
        new UserRepository(db.database().jdbi())
            .insert(Fixtures.unique("writer"), "Writer", email, Role.AUTHOR, Instant.EPOCH);
    long id =
        fixtures.post(
            author,
            Fixtures.unique("Mailed"),
            PostStatus.PUBLISHED,
            TestServer.NOW.minusSeconds(60));
    Post post = new PostRepository(db.database().jdbi()).findById(id).orElseThrow();
    return new Written("/2026/06/01/" + post.slug() + "/", email);
  }

  private HttpResponse<String> comment(
      Browser browser, String permalink, String name, String email, String text, boolean follow) {
    Map<String, String> form = Browser.replyForm(browser.page(permalink));
    form.putAll(Map.of("author", name, "email", email, "comment", text));
    if (follow) {
      form.put("subscribe_comments", "subscribe");
    }
    HttpResponse<String> response = browser.post("/comments/", form);
    assertEquals(303, response.statusCode(), response.body());
    return response;
  }

  @Test
  void theAuthorIsAskedToModerateAHeldComment() throws Exception {
    Written post = postByAuthorWithEmail();
    comment(
        new Browser(server),
        post.permalink(),
        "Nell",
        Fixtures.unique("nell") + "@example.org",
        "Please let me in.",
        false);
    MimeMessage mail = awaitMailTo(post.authorEmail());
    assertTrue(mail.getSubject().contains("Please moderate"), mail.getSubject());
    String text = text(mail);
    assertTrue(text.contains("Please let me in."), text);
    assertTrue(text.contains("first comment from this commenter"), "says why it was held");
    assertTrue(mail.getHeader("List-Unsubscribe")[0].contains("/unsubscribe?token="));
  }

  @Test
  void anAdminsReplyFromTheQueueReachesThePostsAuthorButTheAuthorsOwnDoesNot() throws Exception {
    var jdbi = db.database().jdbi();
    StaffBrowsers staff = new StaffBrowsers(jdbi, server);
    User writer = staff.account(Role.AUTHOR, "Wren Writer");
    String writerEmail = Fixtures.unique("wren") + "@example.org";
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE users SET email = :e WHERE id = :id")
                .bind("e", writerEmail)
                .bind("id", writer.id())
                .execute());
    long postId =
        fixtures.post(
            writer.id(),
            Fixtures.unique("Answered"),
            PostStatus.PUBLISHED,
            TestServer.NOW.minusSeconds(60));
    Post post = new PostRepository(jdbi).findById(postId).orElseThrow();
    String guestEmail = Fixtures.unique("guest") + "@example.org";
    comment(
        new Browser(server),
        "/2026/06/01/" + post.slug() + "/",
        "Gail",
        guestEmail,
        "A question?",
        false);
    awaitMailTo(writerEmail);
    long held =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT id FROM comments WHERE author_email = :e")
                    .bind("e", guestEmail)
                    .mapTo(Long.class)
                    .one());
    String own = Fixtures.unique("The writer answers");
    replyFromQueue(staff.loggedIn(writer), held, own);
    String answer = Fixtures.unique("The admin answers");
    replyFromQueue(staff.loggedIn(staff.account(Role.ADMIN, "Ada Admin")), held, answer);
    // Mails leave in the order they were queued: had the writer's own reply been mailed to
    // them, it would be the second mail here.
    List<MimeMessage> mails = awaitMails(writerEmail, 2);
    String told = text(mails.get(1));
    assertTrue(told.contains(answer) && told.contains("Ada Admin"), told);
    assertFalse(told.contains(own), told);
  }

  private void replyFromQueue(Browser staff, long commentId, String text) {
    String queue = staff.page("/admin/comments?status=pending");
    HttpResponse<String> sent =
        staff.post(
            "/admin/comments/" + commentId + "/reply",
            Map.of(
                "_csrf",
                StaffBrowsers.hidden(queue, "_csrf"),
                "body",
                text,
                "key",
                Fixtures.unique("k"),
                "status",
                "all"));
    assertEquals(303, sent.statusCode(), sent.body());
  }

  @Test
  void followUpsNeedConfirmationThenArriveAndOneClickUnsubscribeStopsThem() throws Exception {
    Written post = postByAuthorWithEmail();
    settings.putAll(Map.of(DiscussionSettings.MODERATION, "none"));
    try {
      String follower = Fixtures.unique("fay") + "@example.org";
      Browser fay = new Browser(server);
      comment(fay, post.permalink(), "Fay", follower, "Tell me what others say.", true);

      MimeMessage confirmation = awaitMailTo(follower);
      assertTrue(confirmation.getSubject().contains("confirm"), confirmation.getSubject());
      String confirmPath = path(link(text(confirmation), "/subscriptions/confirm"));

      Browser anyone = new Browser(server);
      String confirmPage = anyone.page(confirmPath);
      assertTrue(confirmPage.contains("Confirm subscription"), "GET only asks");
      comment(
          new Browser(server),
          post.permalink(),
          "Gus",
          Fixtures.unique("gus") + "@example.org",
          "Before confirming.",
          false);
      awaitMails(post.authorEmail(), 2);
      assertEquals(1, mailsTo(follower).size(), "nothing is sent before confirmation");

      HttpResponse<String> confirmed = anyone.post(confirmPath, Map.of(), (String) null);
      assertEquals(200, confirmed.statusCode(), confirmed.body());
      assertTrue(confirmed.body().contains("Subscribed"));

      comment(
          new Browser(server),
          post.permalink(),
          "Hal",
          Fixtures.unique("hal") + "@example.org",
          "A follow-up from Hal.",
          false);
      MimeMessage followUp = awaitMails(follower, 2).get(1);
      assertTrue(text(followUp).contains("A follow-up from Hal."));
      String unsubscribe = followUp.getHeader("List-Unsubscribe")[0];
      assertEquals("List-Unsubscribe=One-Click", followUp.getHeader("List-Unsubscribe-Post")[0]);

      // What a mail client does for RFC 8058: POST to the link, no cookies, no page.
      String unsubscribePath = path(unsubscribe.substring(1, unsubscribe.length() - 1));
      HttpResponse<String> gone =
          new Browser(server)
              .post(unsubscribePath, Map.of("List-Unsubscribe", "One-Click"), (String) null);
      assertEquals(200, gone.statusCode(), gone.body());
      assertTrue(gone.body().contains("Unsubscribed"));

      comment(
          new Browser(server),
          post.permalink(),
          "Ivy",
          Fixtures.unique("ivy") + "@example.org",
          "After unsubscribing.",
          false);
      awaitMails(post.authorEmail(), 4);
      assertEquals(2, mailsTo(follower).size(), "no mail after unsubscribing");
    } finally {
      settings.putAll(Map.of(DiscussionSettings.MODERATION, "first"));
    }
  }

  @Test
  void theFormOffersSubscriptionsOnlyWhenMailIsOn() {
    Written post = postByAuthorWithEmail();
    String page = new Browser(server).page(post.permalink());
    assertTrue(page.contains("Notify me of follow-up comments by email."));
    assertTrue(page.contains("Notify me of new posts by email."));
  }

  @Test
  void forgedOrUnknownLinksAreNotFound() {
    assertEquals(404, new Browser(server).get("/unsubscribe?token=s1~forged").statusCode());
    assertEquals(404, new Browser(server).get("/subscriptions/confirm?token=").statusCode());
  }

  private MimeMessage awaitMailTo(String recipient) throws MessagingException {
    return awaitMails(recipient, 1).get(0);
  }
}
