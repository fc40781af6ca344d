package blog.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.testing.DbKind;
import blog.core.testing.TestDatabase;
import blog.web.testing.Browser;
import blog.web.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
  void aNewcomerCanLogInWithTheDemoProviderAndComeBackToTheForm() throws Exception {
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
      form.put("comment", "Trying the demo.");
      HttpResponse<String> start = browser.post("/auth/demo/start", form);
      assertEquals(200, start.statusCode(), start.body());
      URI authorize = Browser.refreshTarget(start.body());
      assertEquals("127.0.0.1", authorize.getHost(), "the demo provider runs on loopback");

      HttpResponse<String> loginPage = browser.getAbsolute(authorize);
      assertEquals(200, loginPage.statusCode());
      assertTrue(loginPage.body().contains("name=\"username\""), "an interactive log-in page");

      HttpResponse<String> signedIn =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(authorize)
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "username=newcomer&claims="
                                  + URLEncoder.encode(
                                      "{\"name\":\"New Comer\"}", StandardCharsets.UTF_8)))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(302, signedIn.statusCode(), signedIn.body());
      URI callback = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
      HttpResponse<String> back = browser.get(callback.getRawPath() + "?" + callback.getRawQuery());
      assertEquals(303, back.statusCode(), back.body());
      String location = back.headers().firstValue("Location").orElseThrow();
      String page = browser.page(location.substring(0, location.indexOf('#')));
      assertTrue(page.contains("You are commenting using your Demo sign-in account."), page);
      assertEquals("Trying the demo.", Browser.replyForm(page).get("comment"));
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
    assertThrows(IOException.class, () -> after.send(get, HttpResponse.BodyHandlers.discarding()));
    DemoProvider never = DemoProvider.reserve();
    never.close(); // one never launched closes at once, and launches no more after
    never.awaitStarted();
    HttpRequest other = discovery(never);
    assertThrows(
        IOException.class, () -> after.send(other, HttpResponse.BodyHandlers.discarding()));
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
