package blog.core.login;

import blog.core.config.Config;
import blog.core.testing.StubTokenEndpoint;
import blog.core.testing.TestOidcServer;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A generic OpenID provider whose discovery, keys, authorize and userinfo endpoints are the real
 * server's, while its token endpoint (the {@code token-endpoint} override) is a stub that hands out
 * whatever tokens a test crafts, minted by the real server with its own key unless the test signs
 * them otherwise.
 */
final class CraftedTokenProvider implements AutoCloseable {
  static final URI CALLBACK = URI.create("http://127.0.0.1:9/auth/corp/callback");
  static final String ISSUER_ID = "corp";
  static final String CLIENT_ID = "blog-client";
  static final String CLIENT_SECRET = "a-client-secret-long-enough-for-hmac-sha256";
  static final String SUBJECT = "user-42";

  final TestOidcServer server = TestOidcServer.onFreePort().start();
  final StubTokenEndpoint tokenEndpoint = StubTokenEndpoint.start();
  final LoginProvider provider = providerAt(server, tokenEndpoint);

  /** The provider {@code corp} with its token endpoint replaced by {@code tokenEndpoint}. */
  static LoginProvider providerAt(TestOidcServer server, StubTokenEndpoint tokenEndpoint) {
    return LoginProviders.from(
            Config.of(
                Map.of(
                    "auth.oidc.corp.issuer",
                    server.issuer(ISSUER_ID).toString(),
                    "auth.oidc.corp.client-id",
                    CLIENT_ID,
                    "auth.oidc.corp.client-secret",
                    CLIENT_SECRET,
                    "auth.oidc.corp.token-endpoint",
                    tokenEndpoint.uri().toString())))
        .find("corp")
        .orElseThrow();
  }

  /** Logs in; the token endpoint answers with the ID token made for the started log-in. */
  Profile logIn(Function<AuthorizationRequest, String> idToken) throws LoginFailure {
    return logIn(idToken, accessToken(SUBJECT, Map.of()));
  }

  Profile logIn(Function<AuthorizationRequest, String> idToken, String accessToken)
      throws LoginFailure {
    AuthorizationRequest started = provider.start(CALLBACK);
    ProviderRedirect redirect = ProviderRedirect.follow(started.redirectTo());
    tokenEndpoint.answerTokens(accessToken, idToken.apply(started));
    return provider.complete(CALLBACK, started, redirect.code());
  }

  /** A correct ID token for {@code started}, with {@code claims} added or replacing. */
  SignedJWT idToken(AuthorizationRequest started, Map<String, Object> claims) {
    Map<String, Object> all = new HashMap<>(Map.of("nonce", started.nonce()));
    all.putAll(claims);
    return mint(List.of(CLIENT_ID), all, 3600);
  }

  /** A token for {@link #SUBJECT} signed with the provider's key, exactly as specified. */
  SignedJWT mint(List<String> audience, Map<String, Object> claims, long expiresInSeconds) {
    return server.mint(ISSUER_ID, SUBJECT, audience, claims, expiresInSeconds);
  }

  /** An access token the real userinfo endpoint accepts, answering with its claims. */
  String accessToken(String subject, Map<String, Object> claims) {
    return server.mint(ISSUER_ID, subject, List.of("api"), claims, 3600).serialize();
  }

  @Override
  public void close() {
    server.close();
    tokenEndpoint.close();
  }
}
