package blog.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.site.SettingsRepository;
import blog.core.testing.StubTokenEndpoint;
import blog.core.testing.TestOidcServer;
import blog.web.testing.Browser;
import blog.web.testing.WebTestBase;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole third-party log-in, over HTTP, against a real OpenID Connect / OAuth 2.0 server on
 * loopback (mock-oauth2-server): one OpenID Connect provider found by discovery, and GitHub's plain
 * OAuth 2.0 flow pointed at the same server.
 */
class SignInFlowTest extends WebTestBase {
  private static final String TYPED = "Typed before logging in, & kept <intact>.";

  private final TestOidcServer oidc = TestOidcServer.onFreePort().start();
  private final int port = freePort();
  private final StubTokenEndpoint stub = StubTokenEndpoint.start();

  @Override
  protected Map<String, String> config() {
    return Map.ofEntries(
        Map.entry("port", Integer.toString(port)),
        Map.entry("base-url", "http://127.0.0.1:" + port),
        Map.entry("auth.oidc.mock.issuer", oidc.issuer("mock").toString()),
        Map.entry("auth.oidc.mock.client-id", "blog"),
        Map.entry("auth.oidc.mock.client-secret", "blog-secret"),
        Map.entry("auth.oidc.mock.label", "Mock ID"),
        Map.entry("auth.oidc.stub.issuer", oidc.issuer("stub").toString()),
        Map.entry("auth.oidc.stub.client-id", "blog"),
        Map.entry("auth.oidc.stub.client-secret", "blog-secret"),
        Map.entry("auth.oidc.stub.token-endpoint", stub.uri().toString()),
        Map.entry("auth.github.client-id", "gh-client"),
        Map.entry("auth.github.client-secret", "gh-secret"),
        Map.entry(
            "auth.github.authorization-endpoint", oidc.authorizationEndpoint("gh").toString()),
        Map.entry("auth.github.token-endpoint", oidc.tokenEndpoint("gh").toString()),
        Map.entry("auth.github.userinfo-endpoint", oidc.userInfoEndpoint("gh").toString()));
  }

  @Override
  protected void prepare() {
    new SettingsRepository(db.database().jdbi())
        .putAll(
            Map.of(
                DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0",
                DiscussionSettings.FLOOD_SECONDS, "0",
                DiscussionSettings.MODERATION, "none"));
  }

  @AfterAll
  void stopProvider() {
    oidc.close();
    stub.close();
  }

  // Only enqueue tokens for a flow that reaches the token endpoint: the mock keeps unused ones
  // for the next token request, whichever test makes it.

  /** Types a comment and clicks a provider's button; returns where the blog sends the browser. */
  private static URI clickProvider(Browser browser, String permalink, String provider) {
    Map<String, String> form = Browser.replyForm(browser.page(permalink));
    form.put("comment", TYPED);
    HttpResponse<String> start = browser.post("/auth/" + provider + "/start", form);
    // A page that moves on to the provider, not a redirect (see AuthHandlers.continueTo).
    assertEquals(200, start.statusCode(), start.body());
    assertEquals("no-store", start.headers().firstValue("Cache-Control").orElse(""));
    return Browser.refreshTarget(start.body());
  }

  /** The provider logs the person in at once and sends them back: the callback path and query. */
  private static String atProvider(Browser browser, URI authorization) {
    HttpResponse<String> answer = browser.getAbsolute(authorization);
    assertEquals(302, answer.statusCode(), answer.body());
    URI callback = URI.create(answer.headers().firstValue("Location").orElseThrow());
    return callback.getRawPath() + "?" + callback.getRawQuery();
  }

  /** Follows the blog's redirect back to the post and returns the page. */
  private static String backAtThePost(Browser browser, HttpResponse<String> redirect) {
    assertEquals(303, redirect.statusCode(), redirect.body());
    String location = redirect.headers().firstValue("Location").orElseThrow();
    return browser.page(location.substring(0, location.indexOf('#')));
  }

  @Test
  void anOpenIdConnectLogInReturnsToTheFormWithTheTypedTextAndCommentsCarryTheIdentity() {
    String permalink = publishedPost("Social");
    Browser browser = new Browser(server);
    URI authorization = clickProvider(browser, permalink, "mock");
    assertTrue(authorization.toString().startsWith(oidc.authorizationEndpoint("mock").toString()));
    assertTrue(authorization.getRawQuery().contains("code_challenge_method=S256"));
    assertTrue(authorization.getRawQuery().contains("nonce="));
    assertTrue(
        authorization
            .getRawQuery()
            .contains(
                "redirect_uri="
                    + URLEncoder.encode(
                        "http://127.0.0.1:" + port + "/auth/mock/callback",
                        StandardCharsets.UTF_8)));

    oidc.nextTokens(
        "mock",
        "alice",
        Map.of("name", "Alice Example", "picture", "https://avatars.example/alice.png"));
    String page = backAtThePost(browser, browser.get(atProvider(browser, authorization)));
    assertTrue(page.contains("You are logged in with Mock ID."), page);
    assertTrue(page.contains("You are commenting using your Mock ID account."));
    assertTrue(page.contains("src=\"https://avatars.example/alice.png\""));
    assertEquals(TYPED, Browser.replyForm(page).get("comment"), "the typed comment survived");

    Map<String, String> form = Browser.replyForm(page);
    HttpResponse<String> posted = browser.post("/comments/", form);
    assertEquals(303, posted.statusCode(), posted.body());
    String after = new Browser(server).page(permalink);
    assertTrue(after.contains("<span itemprop=\"name\">Alice Example</span>"), after);
    assertTrue(after.contains("Typed before logging in, &amp; kept &lt;intact&gt;."));

    HttpResponse<String> out =
        browser.post(AuthHandlers.LOGOUT, Browser.replyForm(browser.page(permalink)));
    assertTrue(backAtThePost(browser, out).contains("You are logged out."));
    assertFalse(browser.page(permalink).contains("You are commenting using"));
  }

  @Test
  void aGitHubStyleOAuthLogInReadsTheProfileFromTheUserInfoEndpoint() {
    String permalink = publishedPost("Social");
    Browser browser = new Browser(server);
    URI authorization = clickProvider(browser, permalink, "github");
    assertFalse(authorization.getRawQuery().contains("nonce="), "plain OAuth 2.0: no nonce");
    oidc.nextTokens(
        "gh",
        "12345",
        Map.of(
            "id", 12345,
            "login", "octocat",
            "name", "The Octocat",
            "avatar_url", "https://avatars.example/octocat.png",
            "html_url", "https://github.com/octocat"));
    // The mock takes only OpenID requests; a provider ignores a scope it does not know.
    URI asOpenId = URI.create(authorization + "&scope=openid");
    String page = backAtThePost(browser, browser.get(atProvider(browser, asOpenId)));
    assertTrue(page.contains("You are commenting using your GitHub account."), page);
    assertEquals(TYPED, Browser.replyForm(page).get("comment"));
  }

  @Test
  void cancellingAtTheProviderReturnsWithTheTypedText() {
    String permalink = publishedPost("Social");
    Browser browser = new Browser(server);
    URI authorization = clickProvider(browser, permalink, "mock");
    String state = param(authorization, "state");
    String page =
        backAtThePost(
            browser, browser.get("/auth/mock/callback?error=access_denied&state=" + state));
    assertTrue(page.contains("You cancelled the log-in with Mock ID."), page);
    assertEquals(TYPED, Browser.replyForm(page).get("comment"));
    assertFalse(page.contains("You are commenting using"));
  }

  @Test
  void aForgedStateOrAReplayedCallbackIsRefused() {
    HttpResponse<String> forged =
        new Browser(server).get("/auth/mock/callback?code=abc&state=forged");
    assertEquals(400, forged.statusCode());
    assertTrue(forged.body().contains("Log-in not completed"));

    String permalink = publishedPost("Social");
    Browser browser = new Browser(server);
    URI authorization = clickProvider(browser, permalink, "mock");
    oidc.nextTokens("mock", "bob", Map.of("name", "Bob"));
    String callback = atProvider(browser, authorization);
    assertEquals(303, browser.get(callback).statusCode());
    HttpResponse<String> replayed = browser.get(callback);
    assertEquals(400, replayed.statusCode(), "the same code and state a second time");
  }

  @Test
  void aCallbackInAnotherBrowserDoesNotLogItIn() {
    String permalink = publishedPost("Social");
    Browser victim = new Browser(server);
    URI authorization = clickProvider(victim, permalink, "mock");
    String callback = atProvider(victim, authorization);
    Browser attacker = new Browser(server);
    attacker.page(permalink);
    assertEquals(400, attacker.get(callback).statusCode());
    assertFalse(attacker.page(permalink).contains("You are commenting using"));
  }

  /** ID tokens that are right in every way but one, as a provider (or an attacker) might send. */
  enum BadIdToken {
    FOR_ANOTHER_CLIENT,
    WRONG_NONCE,
    EXPIRED,
    SIGNED_WITH_ANOTHER_KEY,
    TAMPERED
  }

  @ParameterizedTest
  @EnumSource(BadIdToken.class)
  void aBadIdTokenIsRefusedAndTheTextKept(BadIdToken bad) throws Exception {
    String permalink = publishedPost("Social");
    Browser browser = new Browser(server);
    URI authorization = clickProvider(browser, permalink, "stub");
    String nonce = param(authorization, "nonce");
    stub.answerTokens("access", badIdToken(bad, nonce));
    String page = backAtThePost(browser, browser.get(atProvider(browser, authorization)));
    assertTrue(page.contains("could not verify"), bad + ": " + page);
    assertFalse(page.contains("You are commenting using"));
    assertEquals(TYPED, Browser.replyForm(page).get("comment"));
  }

  @Test
  void theSameStubWithAGoodIdTokenLogsIn() {
    // The control for the test above: only the one defect makes those fail.
    String permalink = publishedPost("Social");
    Browser browser = new Browser(server);
    URI authorization = clickProvider(browser, permalink, "stub");
    String nonce = param(authorization, "nonce");
    stub.answerTokens(
        oidc.mint("stub", "eve", List.of("blog"), Map.of(), 300).serialize(),
        oidc.mint("stub", "eve", List.of("blog"), Map.of("nonce", nonce, "name", "Eve"), 300)
            .serialize());
    String page = backAtThePost(browser, browser.get(atProvider(browser, authorization)));
    assertTrue(page.contains("You are commenting using"), page);
  }

  private String badIdToken(BadIdToken bad, String nonce) throws Exception {
    Map<String, Object> claims = Map.of("nonce", nonce, "name", "Eve");
    switch (bad) {
      case FOR_ANOTHER_CLIENT:
        return oidc.mint("stub", "eve", List.of("another-client"), claims, 300).serialize();
      case WRONG_NONCE:
        return oidc.mint("stub", "eve", List.of("blog"), Map.of("nonce", "not-the-nonce"), 300)
            .serialize();
      case EXPIRED:
        return oidc.mint("stub", "eve", List.of("blog"), claims, -600).serialize();
      case SIGNED_WITH_ANOTHER_KEY:
        {
          SignedJWT genuine = oidc.mint("stub", "eve", List.of("blog"), claims, 300);
          RSAKey other = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
          SignedJWT forged =
              new SignedJWT(
                  new JWSHeader.Builder(JWSAlgorithm.RS256)
                      .keyID(genuine.getHeader().getKeyID())
                      .build(),
                  genuine.getJWTClaimsSet());
          forged.sign(new RSASSASigner(other));
          return forged.serialize();
        }
      case TAMPERED:
        {
          String[] parts =
              oidc.mint("stub", "eve", List.of("blog"), claims, 300).serialize().split("\\.");
          JWTClaimsSet changed =
              new JWTClaimsSet.Builder(
                      JWTClaimsSet.parse(
                          new String(
                              Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))
                  .subject("admin")
                  .build();
          String payload =
              Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString(changed.toString().getBytes(StandardCharsets.UTF_8));
          return parts[0] + "." + payload + "." + parts[2];
        }
      default:
        throw new IllegalArgumentException(bad.toString());
    }
  }

  @Test
  void aProviderThatIsDownIsExplainedAndTheTextKept() {
    String permalink = publishedPost("Social");
    Browser browser = new Browser(server);
    URI authorization = clickProvider(browser, permalink, "mock");
    String callback = atProvider(browser, authorization);
    oidc.stop();
    try {
      String page = backAtThePost(browser, browser.get(callback));
      assertTrue(page.contains("could not be reached"), page);
      assertEquals(TYPED, Browser.replyForm(page).get("comment"));
    } finally {
      oidc.start();
    }
  }

  @Test
  void theFormOffersEveryConfiguredProvider() {
    String page = new Browser(server).page(publishedPost("Social"));
    assertTrue(page.contains("or click an icon to log in"));
    assertTrue(page.contains("formaction=\"/auth/github/start\""));
    assertTrue(page.contains("formaction=\"/auth/mock/start\""));
    assertTrue(page.contains("aria-label=\"Log in with Mock ID\""));
    // GitHub is known by its icon; a generic OpenID Connect provider by the OpenID icon and name.
    assertTrue(page.contains("src=\"/assets/icons/github.svg?v="), page);
    assertTrue(page.contains("src=\"/assets/icons/openid.svg?v="), page);
    assertTrue(page.contains("<span>Mock ID</span></button>"), page);
  }

  private static String param(URI uri, String name) {
    for (String pair : uri.getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError("no " + name + " in " + uri);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
