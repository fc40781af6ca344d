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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind a configured trusted proxy (here the test itself, on 127.0.0.1) the address the proxy
 * appends is the client: limits count per forwarded client, and what a client writes into the
 * header ahead of the proxy's entry is ignored.
 */
class TrustedProxyTest extends WebTestBase {
  private StaffBrowsers staff;
  private String permalink;

  @Override
  protected Map<String, String> config() {
    return Map.of("trusted-proxies", "127.0.0.1");
  }

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
            fixtures.author("Proxied"),
            "Proxied",
            PostStatus.PUBLISHED,
            TestServer.NOW.minusSeconds(60));
    Post post = new PostRepository(db.database().jdbi()).findById(id).orElseThrow();
    permalink = "/2026/06/01/" + post.slug() + "/";
  }

  @Test
  void theLogInThrottleCountsEachForwardedClient() {
    for (int i = 0; i < 20; i++) {
      ForwardedHeadersTest.logIn(new Browser(server), "nobody-" + i, "guess", "203.0.113.7");
    }
    String user = staff.account(Role.AUTHOR, "Proxied user").username();
    HttpResponse<String> blocked =
        ForwardedHeadersTest.logIn(
            new Browser(server), user, StaffBrowsers.PASSWORD, "203.0.113.7");
    assertTrue(blocked.body().contains("Too many failed log-ins"), blocked.body());
    // A client that writes the blocked address into the header first is still itself.
    HttpResponse<String> other =
        ForwardedHeadersTest.logIn(
            new Browser(server), user, StaffBrowsers.PASSWORD, "203.0.113.7, 203.0.113.8");
    assertEquals(303, other.statusCode(), other.body());
  }

  @Test
  void theFloodLimitCountsEachForwardedClientAndIgnoresWhatTheClientPrepends() {
    assertEquals(
        303,
        ForwardedHeadersTest.comment(new Browser(server), permalink, 1, "203.0.113.20")
            .statusCode());
    assertEquals(
        303,
        ForwardedHeadersTest.comment(new Browser(server), permalink, 2, "203.0.113.21")
            .statusCode());
    HttpResponse<String> forged =
        ForwardedHeadersTest.comment(
            new Browser(server), permalink, 3, "198.51.100.77, 203.0.113.20");
    assertEquals(422, forged.statusCode());
    assertTrue(forged.body().contains("You are posting comments too quickly."));
  }
}
