package blog.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.identity.UserRepository;
import blog.core.login.StaffAccounts;
import blog.core.security.SiteSecret;
import blog.core.site.SettingsRepository;
import blog.core.testing.Fixtures;
import blog.web.testing.Browser;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Staff log-in, log-out, access control, throttling and the first-admin setup link. */
class AdminLoginTest extends WebTestBase {
  static final String PASSWORD = "correct horse battery staple";
  private static final String STAFF_COOKIE = "blog_admin";
  private StaffAccounts accounts;

  /** The test is the trusted proxy in front, so X-Forwarded-For can name other clients. */
  @Override
  protected Map<String, String> config() {
    return Map.of("trusted-proxies", "127.0.0.1");
  }

  @Override
  protected void prepare() {
    var jdbi = db.database().jdbi();
    accounts =
        new StaffAccounts(
            new UserRepository(jdbi),
            Fixtures.PASSWORDS,
            new SettingsRepository(jdbi),
            SiteSecret.signer(new SettingsRepository(jdbi), new SecureRandom()),
            Clock.fixed(TestServer.NOW, ZoneOffset.UTC));
  }

  private String account(Role role) {
    String name = Fixtures.unique("staff").toLowerCase();
    assertTrue(accounts.create(name, "Staff Member", PASSWORD, role).user().isPresent());
    return name;
  }

  static HttpResponse<String> logIn(
      Browser browser, String username, String password, String next) {
    String page = browser.page("/admin/login");
    Map<String, String> form = new HashMap<>();
    form.put("username", username);
    form.put("password", password);
    form.put("next", next);
    form.put("_csrf", hidden(page, "_csrf"));
    return browser.post("/admin/login", form);
  }

  static String hidden(String page, String name) {
    return StaffBrowsers.hidden(page, name);
  }

  @Test
  void loggedOutVisitorsAreSentToTheLogInPageAndBack() {
    Browser browser = new Browser(server);
    HttpResponse<String> dashboard = browser.get("/admin");
    assertEquals(303, dashboard.statusCode());
    assertEquals(
        "/admin/login?next=%2Fadmin", dashboard.headers().firstValue("Location").orElse(""));

    HttpResponse<String> in = logIn(browser, account(Role.AUTHOR), PASSWORD, "/admin");
    assertEquals(303, in.statusCode(), in.body());
    assertEquals("/admin", in.headers().firstValue("Location").orElse(""));
    HttpResponse<String> page = browser.get("/admin");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Dashboard"));
    assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
  }

  @Test
  void wrongCredentialsGetOneAnswerAndNoSession() {
    Browser browser = new Browser(server);
    String name = account(Role.AUTHOR);
    HttpResponse<String> wrong = logIn(browser, name, "not the password", "/admin");
    assertEquals(401, wrong.statusCode());
    assertTrue(wrong.body().contains("Wrong username or password."));
    assertTrue(wrong.body().contains("value=\"" + name + "\""), "the username is kept");
    HttpResponse<String> unknown = logIn(browser, "no-such-user", PASSWORD, "/admin");
    assertTrue(unknown.body().contains("Wrong username or password."));
    assertEquals(303, browser.get("/admin").statusCode());
  }

  @Test
  void repeatedFailuresAreThrottled() {
    Browser browser = new Browser(server);
    String name = account(Role.AUTHOR);
    for (int i = 0; i < 5; i++) {
      logIn(browser, name, "guess " + i, "/admin");
    }
    HttpResponse<String> locked = logIn(browser, name, PASSWORD, "/admin");
    assertTrue(locked.body().contains("Too many failed log-ins"), locked.body());
  }

  @Test
  void logInNeedsTheFormsCsrfTokenAndLogOutEndsTheSession() {
    Browser browser = new Browser(server);
    String name = account(Role.AUTHOR);
    browser.page("/admin/login");
    HttpResponse<String> forged =
        browser.post("/admin/login", Map.of("username", name, "password", PASSWORD));
    assertEquals(403, forged.statusCode());

    assertEquals(303, logIn(browser, name, PASSWORD, "/admin").statusCode());
    String kept = browser.cookie(STAFF_COOKIE).orElseThrow();
    assertEquals(200, browser.getWithCookie("/admin", STAFF_COOKIE + "=" + kept).statusCode());
    String dashboard = browser.page("/admin");
    HttpResponse<String> out =
        browser.post("/admin/logout", Map.of("_csrf", hidden(dashboard, "_csrf")));
    assertEquals(303, out.statusCode());
    assertEquals(303, browser.get("/admin").statusCode(), "logged out");
    // The browser forgot the cookie; the server must have forgotten the session behind it too.
    HttpResponse<String> replayed = browser.getWithCookie("/admin", STAFF_COOKIE + "=" + kept);
    assertEquals(303, replayed.statusCode(), "the kept cookie no longer opens /admin");
    assertTrue(replayed.headers().firstValue("Location").orElse("").startsWith("/admin/login"));
  }

  @Test
  void logInAgainEndsTheEarlierSessionOfThisBrowser() {
    Browser browser = new Browser(server);
    String name = account(Role.AUTHOR);
    assertEquals(303, logIn(browser, name, PASSWORD, "/admin").statusCode());
    String first = browser.cookie(STAFF_COOKIE).orElseThrow();
    // The log-in page sends a logged-in browser on to the dashboard; the form is posted anyway.
    Map<String, String> again = new HashMap<>();
    again.put("username", name);
    again.put("password", PASSWORD);
    again.put("next", "/admin");
    again.put("_csrf", hidden(browser.page("/admin"), "_csrf"));
    assertEquals(303, browser.post("/admin/login", again).statusCode());
    String second = browser.cookie(STAFF_COOKIE).orElseThrow();
    assertNotEquals(first, second, "a new session id at every log-in");
    assertEquals(200, browser.get("/admin").statusCode(), "the new session works");
    assertEquals(
        303,
        browser.getWithCookie("/admin", STAFF_COOKIE + "=" + first).statusCode(),
        "the session from before the log-in is over");
    assertEquals(200, browser.getWithCookie("/admin", STAFF_COOKIE + "=" + second).statusCode());
  }

  @Test
  void oneClientGuessingAcrossManyAccountsIsThrottledAndOthersAreNot() {
    // The test plays a trusted proxy: X-Forwarded-For names the guessing client.
    Map<String, String> guesser = Map.of("X-Forwarded-For", "203.0.113.66");
    Browser browser = new Browser(server);
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> wrong = logInFrom(browser, account(Role.AUTHOR), "guess " + i, guesser);
      assertEquals(401, wrong.statusCode(), "try " + i + " is just wrong: one per account");
    }
    String target = account(Role.AUTHOR);
    HttpResponse<String> blocked = logInFrom(browser, target, PASSWORD, guesser);
    assertTrue(blocked.body().contains("Too many failed log-ins"), blocked.body());
    assertEquals(303, browser.get("/admin").statusCode(), "the right password did not get in");

    Browser other = new Browser(server);
    HttpResponse<String> fine =
        logInFrom(other, target, PASSWORD, Map.of("X-Forwarded-For", "203.0.113.67"));
    assertEquals(303, fine.statusCode(), "another client logs in to the same account");
  }

  /** The log-in form sent by {@code browser}, as the client {@code headers} name. */
  private static HttpResponse<String> logInFrom(
      Browser browser, String username, String password, Map<String, String> headers) {
    String page = browser.page("/admin/login");
    return browser.post(
        "/admin/login",
        Map.of(
            "username",
            username,
            "password",
            password,
            "next",
            "/admin",
            "_csrf",
            hidden(page, "_csrf")),
        headers);
  }

  @Test
  void theReturnAddressStaysOnThisSite() {
    for (String next :
        new String[] {
          "//evil.example/", "https://evil.example/", "/\\evil", "javascript:alert(1)"
        }) {
      Browser browser = new Browser(server);
      HttpResponse<String> in = logIn(browser, account(Role.AUTHOR), PASSWORD, next);
      assertEquals("/admin", in.headers().firstValue("Location").orElse(""), next);
    }
  }

  @Test
  void theSetupLinkCreatesTheFirstAdminOnce() {
    assertFalse(accounts.hasAdmin(), "this class creates authors only, so the blog has no admin");
    String token = accounts.issueSetupToken().orElseThrow();
    Browser browser = new Browser(server);
    String page = browser.page("/admin/setup?token=" + token);
    Map<String, String> form = new HashMap<>();
    form.put("token", token);
    form.put("username", "first-admin");
    form.put("display_name", "First Admin");
    form.put("password", PASSWORD);
    form.put("_csrf", hidden(page, "_csrf"));
    HttpResponse<String> made = browser.post("/admin/setup", form);
    assertEquals(303, made.statusCode(), made.body());
    assertTrue(browser.page("/admin").contains("First Admin"));
    assertEquals(404, new Browser(server).get("/admin/setup?token=" + token).statusCode());
    assertFalse(accounts.issueSetupToken().isPresent());
  }
}
