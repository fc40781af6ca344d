package blog.web.admin.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.site.SettingsRepository;
import blog.core.testing.Fixtures;
import blog.core.testing.TestSmtpServer;
import blog.web.testing.Browser;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.WebTestBase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The owner's privacy tools over HTTP: exporting and erasing a person's data by email (admins only,
 * each request logged with who and when), and the public privacy page written from the blog's
 * settings.
 */
class PrivacyAdminTest extends WebTestBase {
  private final TestSmtpServer smtp = TestSmtpServer.onFreePort().start();
  private SettingsRepository settings;

  @Override
  protected Map<String, String> config() {
    return Map.of(
        "mail.smtp.host", "127.0.0.1",
        "mail.smtp.port", Integer.toString(smtp.port()),
        "mail.smtp.security", "none",
        "mail.from", "Blog <blog@blog.example>",
        "trusted-proxies", "127.0.0.1");
  }

  @Override
  protected void prepare() {
    settings = new SettingsRepository(db.database().jdbi());
    settings.putAll(
        Map.of(
            DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0",
            DiscussionSettings.FLOOD_SECONDS, "0",
            DiscussionSettings.MODERATION, "none"));
  }

  @AfterAll
  void stopSmtp() {
    smtp.close();
  }

  private static void comment(
      Browser browser, String permalink, String name, String email, String text, String ip) {
    Map<String, String> form = Browser.replyForm(browser.page(permalink));
    form.putAll(Map.of("author", name, "email", email, "comment", text));
    assertEquals(303, browser.post("/comments/", form, Map.of("X-Forwarded-For", ip)).statusCode());
  }

  private List<String> rowsOf(String email) {
    return db.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT author_name || '|' || COALESCE(client_ip, '-') FROM comments"
                            + " WHERE author_email = :e OR body_source LIKE :t")
                    .bind("e", email)
                    .bind("t", "%" + email + "%")
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void anAdminExportsAndErasesAPersonByEmailAndEachRequestIsLogged() throws Exception {
    String permalink = publishedPost("Owner tools");
    String name = Fixtures.unique("Petra Person");
    String email = Fixtures.unique("petra").toLowerCase().replace(' ', '-') + "@example.org";
    String other = Fixtures.unique("olaf").toLowerCase().replace(' ', '-') + "@example.org";
    comment(new Browser(server), permalink, name, email, "Petra's point.", "203.0.113.5");
    comment(new Browser(server), permalink, "Olaf", other, "Olaf's point.", "203.0.113.6");

    StaffBrowsers staff = new StaffBrowsers(db.database().jdbi(), server);
    Browser author = staff.loggedIn(staff.account(Role.AUTHOR, "An Author"));
    assertEquals(403, author.get(PrivacyAdmin.PAGE).statusCode(), "admins only");
    String authorsPage = author.page("/admin");
    assertEquals(
        403,
        author
            .post(
                PrivacyAdmin.ERASE,
                Map.of(
                    "email",
                    email,
                    "confirm",
                    "yes",
                    "_csrf",
                    StaffBrowsers.hidden(authorsPage, "_csrf")))
            .statusCode());
    assertEquals(1, rowsOf(email).size(), "an author's erasure changed nothing");

    User owner = staff.account(Role.ADMIN, "Olive Owner");
    Browser admin = staff.loggedIn(owner);
    String page = admin.page(PrivacyAdmin.PAGE);
    assertTrue(page.contains("No data was exported or erased yet.") || page.contains("<table"));
    String csrf = StaffBrowsers.hidden(page, "_csrf");

    HttpResponse<String> export =
        admin.post(PrivacyAdmin.EXPORT, Map.of("email", email.toUpperCase(), "_csrf", csrf));
    assertEquals(200, export.statusCode(), export.body());
    JsonNode json = JsonMapper.builder().build().readTree(export.body());
    assertEquals(1, json.get("comments").size());
    assertEquals("Petra's point.", json.get("comments").get(0).get("text").asString());
    assertEquals("203.0.113.5", json.get("comments").get(0).get("ip_address").asString());
    assertFalse(export.body().contains("Olaf"), "nothing of anyone else");

    HttpResponse<String> unconfirmed =
        admin.post(PrivacyAdmin.ERASE, Map.of("email", email, "_csrf", csrf));
    assertEquals(400, unconfirmed.statusCode());
    assertTrue(unconfirmed.body().contains("Tick the box to confirm the erasure"));
    assertEquals(1, rowsOf(email).size());

    HttpResponse<String> erased =
        admin.post(PrivacyAdmin.ERASE, Map.of("email", email, "confirm", "yes", "_csrf", csrf));
    assertEquals(200, erased.statusCode(), erased.body());
    assertTrue(erased.body().contains("Erased: 1 comment(s) anonymised"), erased.body());
    assertEquals(List.of(), rowsOf(email));
    assertEquals(
        List.of("Anonymous|-"),
        db.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT author_name || '|' || COALESCE(client_ip, '-') FROM comments"
                                + " WHERE body_source = 'Petra''s point.'")
                        .mapTo(String.class)
                        .list()));
    assertEquals(1, rowsOf(other).size(), "Olaf is untouched");

    String by = "staff:" + owner.username();
    assertEquals(
        List.of("erase|" + by + "|1", "export|" + by + "|1"),
        db.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT action || '|' || requested_by || '|' || comments"
                                + " FROM privacy_requests WHERE requested_by = :by"
                                + " ORDER BY id DESC")
                        .bind("by", by)
                        .mapTo(String.class)
                        .list()));
    String log = admin.page(PrivacyAdmin.PAGE);
    assertTrue(log.contains("<td>erase</td>") && log.contains("<td>" + by + "</td>"), log);
    assertFalse(log.contains(email), "the log does not name the person");
  }

  @Test
  void thePrivacyPageSaysWhatIsKeptForHowLongAndWhoSeesIt() {
    settings.putAll(
        Map.of(DiscussionSettings.IP_RETENTION_DAYS, "30", DiscussionSettings.AVATARS, "gravatar"));
    try {
      String page = new Browser(server).page("/privacy");
      assertTrue(page.contains("for 30 days, then they are cleared"), page);
      assertTrue(page.contains("Gravatar"));
      assertTrue(page.contains("kept in its mail log for 30 days"), "mail is on here");
      assertFalse(page.contains("fediverse"), "federation is off here");
      assertTrue(page.contains("href=\"/my-comments\""));
    } finally {
      settings.putAll(
          Map.of(
              DiscussionSettings.IP_RETENTION_DAYS, "90", DiscussionSettings.AVATARS, "identicon"));
    }
    String page = new Browser(server).page("/privacy");
    assertTrue(page.contains("for 90 days"));
    assertTrue(page.contains("Avatars are drawn by the blog itself"));
    String home = new Browser(server).page("/");
    assertTrue(home.contains("<a href=\"/privacy\">Privacy</a>"), "linked from the footer");
    String post = new Browser(server).page(publishedPost("Privacy link"));
    assertTrue(post.contains("<a href=\"/my-comments\">My comments</a>"), "and the reply form");
  }
}
