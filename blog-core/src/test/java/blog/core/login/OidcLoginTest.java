package blog.core.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.config.Config;
import blog.core.login.LoginFailure.Reason;
import blog.core.testing.TestOidcServer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Generic OpenID Connect log-in against a real OpenID server on loopback. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcLoginTest {
  private static final URI CALLBACK = URI.create("http://127.0.0.1:9/auth/demo/callback");
  private static final String CLIENT_ID = "blog-client";

  private final TestOidcServer server = TestOidcServer.onFreePort();
  private LoginProvider demo;

  @BeforeAll
  void startServer() {
    server.start();
    demo = providerFor(server).find("demo").orElseThrow();
  }

  @AfterAll
  void stopServer() {
    server.close();
  }

  private static LoginProviders providerFor(TestOidcServer server) {
    return LoginProviders.from(
        Config.of(
            Map.of(
                "auth.oidc.demo.issuer",
                server.issuer("demo").toString(),
                "auth.oidc.demo.client-id",
                CLIENT_ID,
                "auth.oidc.demo.client-secret",
                "demo-secret",
                "auth.oidc.demo.label",
                "Demo ID")));
  }

  @Test
  void aCommenterLogsInWithProfileFromIdTokenAndUserInfo() throws LoginFailure {
    server.nextTokens(
        "demo",
        "alice-123",
        Map.of(
            "name", "Alice Example",
            "email", "alice@example.org",
            "email_verified", true,
            "picture", "https://img.example/alice.png",
            "profile", "https://people.example/alice"));

    AuthorizationRequest started = demo.start(CALLBACK);
    ProviderRedirect redirect = ProviderRedirect.follow(started.redirectTo());
    assertEquals(CALLBACK, redirect.callback());
    assertTrue(started.stateMatches(redirect.state()));

    Profile profile = demo.complete(CALLBACK, started, redirect.code());

    assertEquals(
        new Profile(
            "demo",
            "alice-123",
            "Alice Example",
            "alice@example.org",
            true,
            "https://img.example/alice.png",
            "https://people.example/alice"),
        profile);
    assertEquals("Demo ID", demo.label());
  }

  @Test
  void theAuthorizationUrlCarriesStateNonceAndAnS256Challenge() throws LoginFailure {
    AuthorizationRequest started = demo.start(CALLBACK);
    URI url = started.redirectTo();
    Map<String, List<String>> query = ProviderRedirect.query(url);

    assertEquals(server.authorizationEndpoint("demo").getPath(), url.getPath());
    assertEquals(List.of("code"), query.get("response_type"));
    assertEquals(List.of(CLIENT_ID), query.get("client_id"));
    assertEquals(List.of(CALLBACK.toString()), query.get("redirect_uri"));
    assertEquals(List.of("openid profile email"), query.get("scope"));
    assertEquals(List.of(started.state()), query.get("state"));
    assertEquals(List.of(started.nonce()), query.get("nonce"));
    assertEquals(List.of("S256"), query.get("code_challenge_method"));
    String challenge =
        CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(started.codeVerifier()))
            .getValue();
    assertEquals(List.of(challenge), query.get("code_challenge"));
    assertFalse(url.toString().contains(started.codeVerifier()), "the verifier stays server-side");
  }

  @Test
  void everyStartHasFreshStateNonceAndVerifier() throws LoginFailure {
    AuthorizationRequest first = demo.start(CALLBACK);
    AuthorizationRequest second = demo.start(CALLBACK);

    assertNotEquals(first.state(), second.state());
    assertNotEquals(first.nonce(), second.nonce());
    assertNotEquals(first.codeVerifier(), second.codeVerifier());
    for (String value : List.of(first.state(), first.nonce(), first.codeVerifier())) {
      assertTrue(value.length() >= 43, "at least 256 random bits: " + value.length());
    }
    assertFalse(first.stateMatches(second.state()));
  }

  @Test
  void aCodeUsedTwiceIsRejected() throws LoginFailure {
    AuthorizationRequest started = demo.start(CALLBACK);
    ProviderRedirect redirect = ProviderRedirect.follow(started.redirectTo());
    demo.complete(CALLBACK, started, redirect.code());

    LoginFailure failure =
        assertThrows(LoginFailure.class, () -> demo.complete(CALLBACK, started, redirect.code()));

    assertEquals(Reason.CODE_REJECTED, failure.reason());
    assertTrue(failure.getMessage().contains("invalid_grant"), failure.getMessage());
    assertFalse(failure.getMessage().contains(redirect.code()), "the code is not logged");
  }

  @Test
  void aWrongPkceVerifierIsRejected() throws LoginFailure {
    AuthorizationRequest started = demo.start(CALLBACK);
    ProviderRedirect redirect = ProviderRedirect.follow(started.redirectTo());
    AuthorizationRequest forged =
        new AuthorizationRequest(
            started.redirectTo(), started.state(), started.nonce(), new CodeVerifier().getValue());

    LoginFailure failure =
        assertThrows(LoginFailure.class, () -> demo.complete(CALLBACK, forged, redirect.code()));

    assertEquals(Reason.CODE_REJECTED, failure.reason());
  }

  @Test
  void completingAtAnotherCallbackIsAProgrammingError() throws LoginFailure {
    AuthorizationRequest started = demo.start(CALLBACK);
    ProviderRedirect redirect = ProviderRedirect.follow(started.redirectTo());

    assertThrows(
        IllegalArgumentException.class,
        () -> demo.complete(URI.create(CALLBACK + "/other"), started, redirect.code()));
  }

  @Test
  void discoveryIsFetchedOnFirstUseRetriedAfterFailureAndThenKept() throws LoginFailure {
    try (TestOidcServer later = TestOidcServer.onFreePort()) {
      // Building the providers does not need the provider to be up.
      LoginProvider provider = providerFor(later).find("demo").orElseThrow();

      LoginFailure down = assertThrows(LoginFailure.class, () -> provider.start(CALLBACK));
      assertEquals(Reason.PROVIDER_UNAVAILABLE, down.reason());
      assertTrue(down.getMessage().contains("discovery"), down.getMessage());

      later.start();
      AuthorizationRequest started = provider.start(CALLBACK);
      ProviderRedirect redirect = ProviderRedirect.follow(started.redirectTo());
      assertEquals("demo", provider.complete(CALLBACK, started, redirect.code()).provider());

      later.stop();
      // The metadata is kept: starting needs no network once discovery has succeeded.
      AuthorizationRequest again = provider.start(CALLBACK);
      assertNull(again.redirectTo().getFragment());
    }
  }

  @Test
  void aProviderThatGoesDownBeforeTheCallbackIsUnavailable() throws LoginFailure {
    try (TestOidcServer flaky = TestOidcServer.onFreePort().start()) {
      LoginProvider provider = providerFor(flaky).find("demo").orElseThrow();
      AuthorizationRequest started = provider.start(CALLBACK);
      ProviderRedirect redirect = ProviderRedirect.follow(started.redirectTo());
      flaky.stop();

      LoginFailure failure =
          assertThrows(
              LoginFailure.class, () -> provider.complete(CALLBACK, started, redirect.code()));

      assertEquals(Reason.PROVIDER_UNAVAILABLE, failure.reason());
      assertEquals(Reason.PROVIDER_UNAVAILABLE.userMessage(), failure.userMessage());
    }
  }
}
