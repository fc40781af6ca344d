package blog.core.login;

import static blog.core.login.CraftedTokenProvider.CALLBACK;
import static blog.core.login.CraftedTokenProvider.CLIENT_ID;
import static blog.core.login.CraftedTokenProvider.ISSUER_ID;
import static blog.core.login.CraftedTokenProvider.SUBJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.login.LoginFailure.Reason;
import blog.core.testing.TestOidcServer;
import com.nimbusds.jwt.SignedJWT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What an OpenID provider's token and user-info answers do to a log-in, apart from ID token checks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcTokenResponseTest {
  private final CraftedTokenProvider corp = new CraftedTokenProvider();

  @AfterAll
  void stop() {
    corp.close();
  }

  @Test
  void aTokenResponseWithoutIdTokenIsRefused() {
    LoginFailure failure = assertThrows(LoginFailure.class, () -> corp.logIn(started -> null));

    assertEquals(Reason.ID_TOKEN_INVALID, failure.reason());
    assertTrue(failure.getMessage().contains("no id_token"), failure.getMessage());
  }

  @Test
  void userInfoCompletesAnIdTokenThatCarriesOnlyTheSubject() throws LoginFailure {
    Profile profile =
        corp.logIn(
            started -> corp.idToken(started, Map.of()).serialize(),
            corp.accessToken(
                SUBJECT,
                Map.of(
                    "name", "Grace Hopper",
                    "email", "grace@example.org",
                    "email_verified", true,
                    "picture", "https://img.example/grace.png")));

    assertEquals(
        new Profile(
            "corp",
            SUBJECT,
            "Grace Hopper",
            "grace@example.org",
            true,
            "https://img.example/grace.png",
            null),
        profile);
  }

  @Test
  void userInfoAboutAnotherSubjectIsRefused() {
    LoginFailure failure =
        assertThrows(
            LoginFailure.class,
            () ->
                corp.logIn(
                    started -> corp.idToken(started, Map.of()).serialize(),
                    corp.accessToken("someone-else", Map.of("name", "Mallory"))));

    assertEquals(Reason.PROFILE_UNAVAILABLE, failure.reason());
  }

  @Test
  void unreachableSigningKeysMakeTheProviderUnavailable() throws LoginFailure {
    try (TestOidcServer flaky = TestOidcServer.onFreePort().start()) {
      LoginProvider provider = CraftedTokenProvider.providerAt(flaky, corp.tokenEndpoint);
      AuthorizationRequest started = provider.start(CALLBACK);
      SignedJWT idToken =
          flaky.mint(
              ISSUER_ID, SUBJECT, List.of(CLIENT_ID), Map.of("nonce", started.nonce()), 3600);
      corp.tokenEndpoint.answerTokens("access", idToken.serialize());
      flaky.stop();

      LoginFailure failure =
          assertThrows(LoginFailure.class, () -> provider.complete(CALLBACK, started, "code"));

      assertEquals(Reason.PROVIDER_UNAVAILABLE, failure.reason(), failure.getMessage());
      assertTrue(failure.getMessage().contains("signing keys"), failure.getMessage());
    }
  }

  @Test
  void aTokenEndpointAnswering503IsUnavailableAnd400IsARejectedCode() throws LoginFailure {
    AuthorizationRequest started = corp.provider.start(CALLBACK);
    ProviderRedirect redirect = ProviderRedirect.follow(started.redirectTo());

    corp.tokenEndpoint.answer(503, "{}");
    LoginFailure unavailable =
        assertThrows(
            LoginFailure.class, () -> corp.provider.complete(CALLBACK, started, redirect.code()));
    assertEquals(Reason.PROVIDER_UNAVAILABLE, unavailable.reason());

    corp.tokenEndpoint.answer(
        400, "{\"error\":\"invalid_grant\",\"error_description\":\"expired\"}");
    LoginFailure rejected =
        assertThrows(
            LoginFailure.class, () -> corp.provider.complete(CALLBACK, started, redirect.code()));
    assertEquals(Reason.CODE_REJECTED, rejected.reason());
    assertTrue(rejected.getMessage().contains("invalid_grant (expired)"), rejected.getMessage());
    assertNull(rejected.getCause());
  }
}
