package blog.core.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * A real OAuth 2.0 / OpenID Connect server (NAV's mock-oauth2-server) on a loopback port chosen
 * once, so a test can take it down and bring it back at the same issuer. Every path segment is an
 * issuer of its own ({@code http://127.0.0.1:port/<issuerId>}) with discovery, JWKS, authorize,
 * token and userinfo endpoints. Its authorize endpoint logs in without a page and redirects
 * straight back with a code, or, {@link #withLogInPage}, shows a log-in page where a person types
 * any user name (and optional claims as JSON). It refuses a code used twice and a wrong PKCE
 * verifier; its userinfo answers with the claims of the access token.
 */
public final class TestOidcServer implements AutoCloseable {
  private static final String HOST = "127.0.0.1";

  private final int port;
  private final boolean logInPage;
  private final OAuth2TokenProvider tokenProvider = new OAuth2TokenProvider();
  private MockOAuth2Server server;

  private TestOidcServer(int port, boolean logInPage) {
    this.port = port;
    this.logInPage = logInPage;
  }

  /** A server on a free loopback port, not started yet. */
  public static TestOidcServer onFreePort() {
    return new TestOidcServer(freePort(), false);
  }

  /** A server on a free loopback port whose authorize endpoint shows a log-in page. */
  public static TestOidcServer withLogInPage() {
    return new TestOidcServer(freePort(), true);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the server; the signing keys stay the same across restarts. */
  public synchronized TestOidcServer start() {
    if (server == null) {
      // The Netty server, not OkHttp's MockWebServer, which is a JUnit 4 rule.
      MockOAuth2Server started =
          new MockOAuth2Server(
              new OAuth2Config(
                  logInPage, null, null, false, tokenProvider, Set.of(), new NettyWrapper()));
      try {
        started.start(InetAddress.getByName(HOST), port);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server = started;
      warmUp();
    }
    return this;
  }

  /**
   * One discovery request before any test's: the server's first answer pays for its own warm-up,
   * which on a busy machine can outlast the blog's five-second timeout for providers.
   */
  private void warmUp() {
    try {
      java.net.HttpURLConnection c =
          (java.net.HttpURLConnection)
              URI.create(issuer("warm-up") + "/.well-known/openid-configuration")
                  .toURL()
                  .openConnection();
      c.setConnectTimeout(60_000);
      c.setReadTimeout(60_000);
      try (var in = c.getInputStream()) {
        in.readAllBytes();
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized void stop() {
    if (server != null) {
      server.shutdown();
      server = null;
    }
  }

  public int port() {
    return port;
  }

  /** The issuer as the server names it when asked over 127.0.0.1. */
  public URI issuer(String issuerId) {
    return URI.create("http://" + HOST + ":" + port + "/" + issuerId);
  }

  public URI authorizationEndpoint(String issuerId) {
    return URI.create(issuer(issuerId) + "/authorize");
  }

  public URI tokenEndpoint(String issuerId) {
    return URI.create(issuer(issuerId) + "/token");
  }

  public URI userInfoEndpoint(String issuerId) {
    return URI.create(issuer(issuerId) + "/userinfo");
  }

  /**
   * What the token endpoint of {@code issuerId} puts in the next tokens it issues: the subject and
   * extra claims go into both ID and access token (and so into userinfo); the ID token's audience
   * is always the client id.
   */
  public void nextTokens(String issuerId, String subject, Map<String, Object> claims) {
    running()
        .enqueueCallback(
            new DefaultOAuth2TokenCallback(
                issuerId, subject, JOSEObjectType.JWT.getType(), null, claims, 3600));
  }

  /**
   * A token signed with {@code issuerId}'s key, naming that issuer as this server is reached over
   * 127.0.0.1, with exactly the given subject, audience, extra claims and lifetime.
   */
  public SignedJWT mint(
      String issuerId,
      String subject,
      List<String> audience,
      Map<String, Object> claims,
      long expiresInSeconds) {
    Map<String, Object> all = new HashMap<>(claims);
    // issueToken names the issuer by "localhost"; tokens must name the one clients talk to.
    all.putIfAbsent("iss", issuer(issuerId).toString());
    return running()
        .issueToken(
            issuerId,
            "client",
            new DefaultOAuth2TokenCallback(
                issuerId, subject, JOSEObjectType.JWT.getType(), audience, all, expiresInSeconds));
  }

  private synchronized MockOAuth2Server running() {
    if (server == null) {
      throw new IllegalStateException("the test OpenID server is not running");
    }
    return server;
  }

  @Override
  public void close() {
    stop();
  }
}
