package blog.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.config.Config;
import blog.core.login.LoginProviders;
import blog.core.site.SettingsRepository;
import blog.core.testing.DbKind;
import blog.core.testing.TestDatabase;
import blog.web.testing.Browser;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With no provider configured, the blog runs a demo OpenID Connect provider on loopback, so the
 * whole log-in can be clicked through with no account anywhere; any real provider turns it off.
 */
class DemoProviderTest {
  private static final String SEED =
      "/2011/09/14/why-quality-social-networking-beats-quantity-every-time/";

  @Test
  void aNewcomerTypesANameOnTheBlogsOwnDemoPageAndCommentsUnderIt() throws Exception {
    int port = freePort();
    try (TestDatabase db = TestDatabase.create(DbKind.H2);
        TestServer server =
            TestServer.start(
                db.database(),
                Map.of(
                    "port",
                    Integer.toString(port),
                    "base-url",
                    "http://127.0.0.1:" + port,
                    "auth.demo.enabled",
                    "true",
                    DiscussionSettings.MODERATION,
                    "none"))) {
      new SettingsRepository(db.database().jdbi())
          .putAll(
              Map.of(
                  DiscussionSettings.MODERATION, "none",
                  DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0"));
      Browser browser = new Browser(server);
      Map<String, String> form = Browser.replyForm(browser.page(SEED));
      form.put("comment", "Trying the demo.");
      HttpResponse<String> start = browser.post("/auth/demo/start", form);
      assertEquals(200, start.statusCode(), start.body());
      String page = start.body();
      assertTrue(page.contains("Log in with the demo"), page);
      assertTrue(page.contains("name=\"name\""), "asks for a name");
      assertTrue(page.contains("name=\"email\""), "and, if one likes, an email");
      assertFalse(page.contains("claims"), "no claims box");
      assertFalse(page.contains("Authorization Request"), "no debugging screen");
      assertEquals(
          "no-store", start.headers().firstValue("Cache-Control").orElse(""), "kept by no one");
      String authorization = StaffBrowsers.hidden(page, "authorization");
      assertTrue(authorization.startsWith("http://127.0.0.1:"), "the demo runs on loopback");

      HttpResponse<String> nameless =
          browser.post(
              DemoSignIn.PATH,
              Map.of(
                  "name",
                  "  ",
                  "authorization",
                  authorization,
                  "_csrf",
                  StaffBrowsers.hidden(page, "_csrf")));
      assertEquals(422, nameless.statusCode());
      assertTrue(nameless.body().contains("Please type the name to comment under."));

      HttpResponse<String> signedIn =
          browser.post(
              DemoSignIn.PATH,
              Map.of(
                  "name",
                  "Nora \"Quotes\" Newcomer",
                  "email",
                  "nora@example.org",
                  "authorization",
                  authorization,
                  "_csrf",
                  StaffBrowsers.hidden(page, "_csrf")));
      assertEquals(303, signedIn.statusCode(), signedIn.body());
      URI callback = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
      assertEquals("/auth/demo/callback", callback.getPath());
      HttpResponse<String> back = browser.get(callback.getRawPath() + "?" + callback.getRawQuery());
      assertEquals(303, back.statusCode(), back.body());
      String location = back.headers().firstValue("Location").orElseThrow();
      String post = browser.page(location.substring(0, location.indexOf('#')));
      assertTrue(
          post.contains("Commenting as <strong>Nora &quot;Quotes&quot; Newcomer</strong>"), post);
      Map<String, String> reply = Browser.replyForm(post);
      assertEquals("Trying the demo.", reply.get("comment"), "the typed comment came back");

      assertEquals(303, browser.post("/comments/", reply).statusCode());
      String after = new Browser(server).page(SEED);
      int at = after.indexOf("Trying the demo.");
      assertTrue(at > 0, "the comment is public");
      String item = after.substring(after.lastIndexOf("<li ", at), at);
      assertTrue(item.contains("Nora &quot;Quotes&quot; Newcomer"), item);
    }
  }

  @Test
  void theDemoPageSendsNothingButTheDemosOwnRequestsAndCancelsBackToTheForm() throws Exception {
    int port = freePort();
    try (TestDatabase db = TestDatabase.create(DbKind.H2);
        TestServer server =
            TestServer.start(
                db.database(),
                Map.of(
                    "port",
                    Integer.toString(port),
                    "base-url",
                    "http://127.0.0.1:" + port,
                    "auth.demo.enabled",
                    "true"))) {
      Browser browser = new Browser(server);
      Map<String, String> form = Browser.replyForm(browser.page(SEED));
      form.put("comment", "Kept when cancelling.");
      HttpResponse<String> start = browser.post("/auth/demo/start", form);
      assertEquals(200, start.statusCode(), start.body());
      String page = start.body();
      String csrfToken = StaffBrowsers.hidden(page, "_csrf");

      HttpResponse<String> elsewhere =
          browser.post(
              DemoSignIn.PATH,
              Map.of(
                  "name", "Eve",
                  "authorization", "http://169.254.169.254/latest/meta-data?state=x",
                  "_csrf", csrfToken));
      assertEquals(400, elsewhere.statusCode(), "no request to anywhere else");
      HttpResponse<String> forged =
          browser.post(
              DemoSignIn.PATH,
              Map.of(
                  "name", "Eve",
                  "authorization", StaffBrowsers.hidden(page, "authorization"),
                  "_csrf", "forged"));
      assertEquals(403, forged.statusCode(), "CSRF-protected like every form");

      HttpResponse<String> cancel =
          browser.post(
              DemoSignIn.PATH,
              Map.of(
                  "cancel",
                  "1",
                  "authorization",
                  StaffBrowsers.hidden(page, "authorization"),
                  "_csrf",
                  csrfToken));
      assertEquals(303, cancel.statusCode());
      URI callback = URI.create(cancel.headers().firstValue("Location").orElseThrow());
      String location =
          browser
              .get(callback.getRawPath() + "?" + callback.getRawQuery())
              .headers()
              .firstValue("Location")
              .orElseThrow();
      String post = browser.page(location.substring(0, location.indexOf('#')));
      assertTrue(post.contains("You cancelled the log-in with Demo sign-in."), post);
      assertEquals("Kept when cancelling.", Browser.replyForm(post).get("comment"));
    }
  }

  @Test
  void theDemoIsOfferedOnlyWhereTheBlogIsOnLoopbackAndSaysWhy() {
    LoginProviders none = LoginProviders.from(Config.of(Map.of()));
    DemoProvider.Decision remote =
        DemoProvider.decide(Config.of(Map.of()), none, "https://blog.example.org");
    assertFalse(remote.on());
    assertEquals("base-url https://blog.example.org is not a loopback address", remote.reason());
    assertTrue(DemoProvider.decide(Config.of(Map.of()), none, "http://localhost:7070").on());
    assertTrue(DemoProvider.decide(Config.of(Map.of()), none, "http://127.0.0.1:8080").on());
    assertTrue(DemoProvider.decide(Config.of(Map.of()), none, "http://[::1]:8080").on());
    assertFalse(
        DemoProvider.decide(Config.of(Map.of()), none, "http://127.0.0.1.example.org").on());
    assertFalse(DemoProvider.decide(Config.of(Map.of()), none, "http://10.0.0.5:7070").on());
    assertEquals(
        "auth.demo.enabled is false",
        DemoProvider.decide(
                Config.of(Map.of("auth.demo.enabled", "false")), none, "http://localhost")
            .reason());

    try (TestDatabase db = TestDatabase.create(DbKind.H2);
        TestServer remoteBlog =
            TestServer.start(
                db.database(),
                Map.of("base-url", "https://blog.example.org", "auth.demo.enabled", "true"))) {
      String page = new Browser(remoteBlog).page(SEED);
      assertFalse(page.contains("/auth/demo/start"), "no button that could not work");
      assertFalse(page.contains("click an icon to log in"));
    }
  }

  @Test
  void aRealProviderOrTheSettingTurnsTheDemoOff() {
    try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
      try (TestServer off = TestServer.start(db.database(), Map.of("auth.demo.enabled", "false"))) {
        assertFalse(new Browser(off).page(SEED).contains("/auth/demo/start"));
      }
      try (TestServer real =
          TestServer.start(
              db.database(),
              Map.of(
                  "auth.demo.enabled", "true",
                  "auth.github.client-id", "id",
                  "auth.github.client-secret", "secret"))) {
        String page = new Browser(real).page(SEED);
        assertFalse(page.contains("/auth/demo/start"));
        assertTrue(page.contains("/auth/github/start"));
      }
    }
  }

  @Test
  void aDemoNotYetLaunchedStartsForTheFirstLogInAndStopsWithTheBlog() throws Exception {
    DemoProvider demo = DemoProvider.reserve();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest get = discovery(demo);
    assertThrows(
        IOException.class,
        () -> client.send(get, HttpResponse.BodyHandlers.discarding()),
        "nothing listens before the blog launches the demo or a log-in needs it");

    demo.awaitStarted();
    HttpResponse<String> answer = client.send(get, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode());
    assertTrue(answer.body().contains(demo.issuer().toString()), answer.body());

    demo.launch(); // a second launch starts nothing more
    demo.close();
    // A new client: the first one may still hold the closed server's keep-alive connection.
    HttpClient after = HttpClient.newHttpClient();
    assertRefusedSoon(after, get);
    DemoProvider never = DemoProvider.reserve();
    never.close(); // one never launched closes at once, and launches no more after
    never.awaitStarted();
    HttpRequest other = discovery(never);
    assertThrows(
        IOException.class, () -> after.send(other, HttpResponse.BodyHandlers.discarding()));
  }

  /**
   * Asserts that nothing answers {@code request} within a few seconds: the mock server's Netty
   * closes its port on its own threads, and on a busy machine a moment after shutdown returns.
   */
  private static void assertRefusedSoon(HttpClient client, HttpRequest request)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        client.send(request, HttpResponse.BodyHandlers.discarding());
      } catch (IOException refused) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the demo still answers " + request.uri() + " after close");
      }
      Thread.sleep(100);
    }
  }

  /** A request for the demo's discovery document. */
  private static HttpRequest discovery(DemoProvider demo) {
    return HttpRequest.newBuilder(URI.create(demo.issuer() + "/.well-known/openid-configuration"))
        .build();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
