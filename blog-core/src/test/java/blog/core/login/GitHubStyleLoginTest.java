package blog.core.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.config.Config;
import blog.core.login.LoginFailure.Reason;
import blog.core.testing.StubTokenEndpoint;
import blog.core.testing.TestOidcServer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The built-in {@code github} provider, its endpoints pointed at a real OAuth server on loopback
 * (as for GitHub Enterprise). The server's userinfo answers with the access token's claims, so the
 * tokens carry what GitHub's {@code /user} would: id, login, name, avatar_url, html_url.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GitHubStyleLoginTest {
  private static final URI CALLBACK = URI.create("http://127.0.0.1:9/auth/github/callback");
  private static final String GITHUB_SECRET = "gh-secret-value";
  private static final Map<String, Object> OCTOCAT =
      Map.of(
          "id", 583231,
          "login", "octocat",
          "name", "The Octocat",
          "avatar_url", "https://avatars.githubusercontent.com/u/583231?v=4",
          "html_url", "https://github.com/octocat");

  private final TestOidcServer server = TestOidcServer.onFreePort();
  private final StubTokenEndpoint stub = StubTokenEndpoint.start();

  @BeforeAll
  void start() {
    server.start();
  }

  @AfterAll
  void stop() {
    server.close();
    stub.close();
  }

  private LoginProvider gitHub(URI tokenEndpoint) {
    return LoginProviders.from(
            Config.of(
                Map.of(
                    "auth.github.client-id", "gh-client",
                    "auth.github.client-secret", GITHUB_SECRET,
                    "auth.github.authorization-endpoint",
                        server.authorizationEndpoint("github").toString(),
                    "auth.github.token-endpoint", tokenEndpoint.toString(),
                    "auth.github.userinfo-endpoint", server.userInfoEndpoint("github").toString())))
        .find("github")
        .orElseThrow();
  }

  private LoginProvider gitHub() {
    return gitHub(server.tokenEndpoint("github"));
  }

  @Test
  void aCommenterLogsInWithTheirGitHubProfile() throws LoginFailure {
    LoginProvider gitHub = gitHub();
    // The subject differs from GitHub's id to show the profile's subject comes from "id".
    server.nextTokens("github", "not-the-github-id", OCTOCAT);

    AuthorizationRequest started = gitHub.start(CALLBACK);
    ProviderRedirect redirect = ProviderRedirect.followAsOpenIdRequest(started.redirectTo());
    assertTrue(started.stateMatches(redirect.state()));
    Profile profile = gitHub.complete(CALLBACK, started, redirect.code());

    assertEquals(
        new Profile(
            "github",
            "583231",
            "The Octocat",
            null,
            false,
            "https://avatars.githubusercontent.com/u/583231?v=4",
            "https://github.com/octocat"),
        profile);
    assertEquals("GitHub", gitHub.label());
  }

  @Test
  void thePlainOAuthRequestHasStateAndPkceButNoNonce() throws LoginFailure {
    AuthorizationRequest started = gitHub().start(CALLBACK);
    Map<String, List<String>> query = ProviderRedirect.query(started.redirectTo());

    assertEquals(List.of("gh-client"), query.get("client_id"));
    assertEquals(List.of(CALLBACK.toString()), query.get("redirect_uri"));
    assertEquals(List.of(started.state()), query.get("state"));
    assertEquals(List.of("S256"), query.get("code_challenge_method"));
    assertEquals(
        List.of(
            CodeChallenge.compute(
                    CodeChallengeMethod.S256, new CodeVerifier(started.codeVerifier()))
                .getValue()),
        query.get("code_challenge"));
    assertFalse(query.containsKey("nonce"));
    assertFalse(query.containsKey("scope"), "no scope: public profile only");
    assertEquals(null, started.nonce());
  }

  @Test
  void withoutANameTheLoginIsShown() throws LoginFailure {
    LoginProvider gitHub = gitHub();
    Map<String, Object> nameless = new HashMap<>(OCTOCAT);
    nameless.remove("name");
    server.nextTokens("github", "sub", nameless);

    AuthorizationRequest started = gitHub.start(CALLBACK);
    ProviderRedirect redirect = ProviderRedirect.followAsOpenIdRequest(started.redirectTo());

    assertEquals("octocat", gitHub.complete(CALLBACK, started, redirect.code()).displayName());
  }

  @Test
  void aCodeUsedTwiceIsRejected() throws LoginFailure {
    LoginProvider gitHub = gitHub();
    server.nextTokens("github", "sub", OCTOCAT);
    AuthorizationRequest started = gitHub.start(CALLBACK);
    ProviderRedirect redirect = ProviderRedirect.followAsOpenIdRequest(started.redirectTo());
    gitHub.complete(CALLBACK, started, redirect.code());

    LoginFailure failure =
        assertThrows(LoginFailure.class, () -> gitHub.complete(CALLBACK, started, redirect.code()));

    assertEquals(Reason.CODE_REJECTED, failure.reason());
    assertFalse(failure.getMessage().contains(redirect.code()));
    assertFalse(failure.getMessage().contains(GITHUB_SECRET));
  }

  @Test
  void gitHubsRefusalWithStatus200IsARejectedCode() throws LoginFailure {
    LoginProvider gitHub = gitHub(stub.uri());
    stub.answer(
        200,
        "{\"error\":\"bad_verification_code\","
            + "\"error_description\":\"The code passed is incorrect or expired.\"}");
    AuthorizationRequest started = gitHub.start(CALLBACK);

    LoginFailure failure =
        assertThrows(LoginFailure.class, () -> gitHub.complete(CALLBACK, started, "stale-code"));

    assertEquals(Reason.CODE_REJECTED, failure.reason());
    assertTrue(failure.getMessage().contains("bad_verification_code"), failure.getMessage());
  }

  @Test
  void aLowerCaseBearerTokenTypeAsGitHubSendsIsAccepted() throws LoginFailure {
    LoginProvider gitHub = gitHub(stub.uri());
    String accessToken = server.mint("github", "sub", List.of("api"), OCTOCAT, 3600).serialize();
    stub.answer(
        200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"bearer\",\"scope\":\"\"}");

    Profile profile = gitHub.complete(CALLBACK, gitHub.start(CALLBACK), "a-code");

    assertEquals("583231", profile.subject());
  }

  @Test
  void aTokenTheUserEndpointRefusesLeavesNoProfile() {
    LoginProvider gitHub = gitHub(stub.uri());
    stub.answerTokens("not-a-token-the-server-knows", null);

    LoginFailure failure =
        assertThrows(
            LoginFailure.class, () -> gitHub.complete(CALLBACK, gitHub.start(CALLBACK), "code"));

    assertEquals(Reason.PROFILE_UNAVAILABLE, failure.reason());
    assertTrue(failure.getMessage().contains("401"), failure.getMessage());
    assertFalse(failure.getMessage().contains("not-a-token"), "tokens are never in messages");
  }

  @Test
  void anUnreachableTokenEndpointIsUnavailable() throws IOException {
    URI closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/token");
    }
    LoginProvider gitHub = gitHub(closed);

    LoginFailure failure =
        assertThrows(
            LoginFailure.class, () -> gitHub.complete(CALLBACK, gitHub.start(CALLBACK), "code"));

    assertEquals(Reason.PROVIDER_UNAVAILABLE, failure.reason());
    assertTrue(failure.getMessage().contains("token endpoint"), failure.getMessage());
  }

  @Test
  void aCallbackOtherThanTheStartedOneIsAProgrammingError() throws LoginFailure {
    LoginProvider gitHub = gitHub();
    AuthorizationRequest started = gitHub.start(CALLBACK);

    assertThrows(
        IllegalArgumentException.class,
        () -> gitHub.complete(URI.create("http://127.0.0.1:9/elsewhere"), started, "code"));
  }
}
