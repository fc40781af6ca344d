package blog.web.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.identity.UserRepository;
import blog.core.login.StaffAccounts;
import blog.core.security.SiteSecret;
import blog.core.site.SettingsRepository;
import blog.core.testing.Fixtures;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Staff accounts for web tests, and browsers logged in as them. */
public final class StaffBrowsers {
  public static final String PASSWORD = "correct horse battery staple";
  private final StaffAccounts accounts;
  private final TestServer server;

  public StaffBrowsers(Jdbi jdbi, TestServer server) {
    this.server = server;
    this.accounts =
        new StaffAccounts(
            new UserRepository(jdbi),
            Fixtures.PASSWORDS,
            new SettingsRepository(jdbi),
            SiteSecret.signer(new SettingsRepository(jdbi), new SecureRandom()),
            Clock.fixed(TestServer.NOW, ZoneOffset.UTC));
  }

  public User account(Role role, String displayName) {
    String name = Fixtures.unique("staff").toLowerCase();
    return accounts.create(name, displayName, PASSWORD, role).user().orElseThrow();
  }

  public Browser loggedIn(User user) {
    return logIn(server, user.username());
  }

  /** A new browser on {@code site}, logged in as the staff account {@code username}. */
  public static Browser logIn(Site site, String username) {
    Browser browser = new Browser(site);
    String page = browser.page("/admin/login");
    HttpResponse<String> in =
        browser.post(
            "/admin/login",
            Map.of(
                "username",
                username,
                "password",
                PASSWORD,
                "next",
                "/admin",
                "_csrf",
                hidden(page, "_csrf")));
    assertEquals(303, in.statusCode(), in.body());
    return browser;
  }

  /** The value of a hidden (or any) input named {@code name} on the page. */
  public static String hidden(String page, String name) {
    String marker = "name=\"" + name + "\" value=\"";
    int at = page.indexOf(marker);
    assertTrue(at >= 0, "no field " + name);
    return Browser.unescape(
        page.substring(at + marker.length(), page.indexOf('"', at + marker.length())));
  }
}
