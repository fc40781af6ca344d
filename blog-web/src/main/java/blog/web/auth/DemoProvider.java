package blog.web.auth;

import blog.core.auth.LoginProviders;
import blog.core.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real OpenID Connect server on this machine's loopback (mock-oauth2-server with its interactive
 * log-in page), so a newcomer can click through the whole third-party log-in without an account
 * anywhere. Offered as provider {@code demo} only while no real provider is configured and {@code
 * auth.demo.enabled} is not {@code false}; it accepts any name, so it is for trying out only.
 */
public final class DemoProvider implements AutoCloseable {
  public static final String ID = "demo";
  static final String ENABLED = "auth.demo.enabled";
  private static final Logger LOG = LoggerFactory.getLogger(DemoProvider.class);

  private final MockOAuth2Server server;
  private final URI issuer;
  private final CompletableFuture<Void> started;

  private DemoProvider(MockOAuth2Server server, URI issuer, CompletableFuture<Void> started) {
    this.server = server;
    this.issuer = issuer;
    this.started = started;
  }

  /** Whether to run the demo: no real provider, and not switched off. */
  public static boolean wanted(Config config, LoginProviders providers) {
    return !providers.any() && config.getBoolean(ENABLED, true);
  }

  public static DemoProvider start() {
    MockOAuth2Server server =
        new MockOAuth2Server(
            new OAuth2Config(
                true, null, null, false, new OAuth2TokenProvider(), Set.of(), new NettyWrapper()));
    int port = freePort();
    URI issuer = URI.create("http://127.0.0.1:" + port + "/" + ID);
    // Started beside the blog rather than before it: nobody can click "Demo sign-in" in the
    // moment it takes, and the blog answers its first request sooner.
    CompletableFuture<Void> started =
        CompletableFuture.runAsync(
            () -> {
              server.start(InetAddress.getLoopbackAddress(), port);
              warmUp(issuer);
              LOG.info(
                  "Demo sign-in provider at {} (no real provider configured; {}=false turns it"
                      + " off)",
                  issuer,
                  ENABLED);
            });
    started.exceptionally(
        e -> {
          LOG.error("Could not start the demo sign-in provider: {}", e.toString());
          return null;
        });
    return new DemoProvider(server, issuer, started);
  }

  /** The providers with the demo added. */
  public LoginProviders addTo(LoginProviders providers) {
    return providers.withOidc(ID, "Demo sign-in", issuer, "blog-demo", "demo-secret");
  }

  @Override
  public void close() {
    awaitStarted();
    server.shutdown();
  }

  /** Waits (briefly, once) for the server to be up; a log-in with it starts only then. */
  public void awaitStarted() {
    started.exceptionally(e -> null).join();
  }

  /**
   * Fetches the discovery document once, so the first log-in does not pay for the mock server's own
   * warm-up (which on a busy machine can outlast the blog's timeout for providers).
   */
  private static void warmUp(URI issuer) {
    try {
      HttpURLConnection c =
          (HttpURLConnection)
              URI.create(issuer + "/.well-known/openid-configuration").toURL().openConnection();
      c.setConnectTimeout(30_000);
      c.setReadTimeout(30_000);
      try (InputStream in = c.getInputStream()) {
        in.readAllBytes();
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      LOG.warn("The demo sign-in provider did not answer its warm-up: {}", e.toString());
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
