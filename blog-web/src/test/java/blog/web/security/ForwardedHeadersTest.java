package blog.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.identity.Role;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.web.testing.Browser;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Without configured trusted proxies a forged {@code X-Forwarded-For} changes nothing: log-in
 * throttling and the comment flood limit still count the socket's address (ASVS 5.0 V6.3.1).
 */
class ForwardedHeadersTest extends WebTestBase {
  private StaffBrowsers staff;
  private String permalink;

  @Override
  protected void prepare() {
    new SettingsRepository(db.database().jdbi())
        .putAll(
            Map.of(
                DiscussionSettings.MODERATION, "none",
                DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0",
                DiscussionSettings.FLOOD_SECONDS, "15"));
    staff = new StaffBrowsers(db.database().jdbi(), server);
    long id =
        fixtures.post(
            fixtures.author("Flooded"),
            "Flooded",
            PostStatus.PUBLISHED,
            TestServer.NOW.minusSeconds(60));
    Post post = new PostRepository(db.database().jdbi()).findById(id).orElseThrow();
    permalink = "/2026/06/01/" + post.slug() + "/";
  }

  static HttpResponse<String> logIn(Browser browser, String user, String password, String xff) {
    String page = browser.page("/admin/login");
    Map<String, String> form = new HashMap<>();
    form.put("username", user);
    form.put("password", password);
    form.put("_csrf", StaffBrowsers.hidden(page, "_csrf"));
    return browser.post("/admin/login", form, Map.of("X-Forwarded-For", xff));
  }

  static HttpResponse<String> comment(Browser browser, String permalink, int i, String xff) {
    Map<String, String> form = Browser.replyForm(browser.page(permalink));
    form.put("author", "Flooder " + i);
    form.put("email", "flooder" + i + "@example.org");
    form.put("comment", "Flood number " + i);
    return browser.post("/comments/", form, Map.of("X-Forwarded-For", xff));
  }

  @Test
  void v6_3_1_aForgedForwardedForDoesNotResetTheLogInThrottle() {
    Browser attacker = new Browser(server);
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> wrong = logIn(attacker, "nobody-" + i, "guess " + i, "198.51.100." + i);
      assertEquals(401, wrong.statusCode(), wrong.body());
    }
    String user = staff.account(Role.AUTHOR, "Victim").username();
    HttpResponse<String> blocked =
        logIn(new Browser(server), user, StaffBrowsers.PASSWORD, "198.51.100.99");
    assertTrue(blocked.body().contains("Too many failed log-ins"), blocked.body());
  }

  @Test
  void v6_3_1_aForgedForwardedForDoesNotResetTheFloodLimit() {
    Browser flooder = new Browser(server);
    assertEquals(303, comment(flooder, permalink, 1, "198.51.100.1").statusCode());
    HttpResponse<String> second = comment(new Browser(server), permalink, 2, "198.51.100.2");
    assertEquals(422, second.statusCode());
    assertTrue(second.body().contains("You are posting comments too quickly."), second.body());
  }
}
