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

  private final int port;
  private final URI issuer;
  private CompletableFuture<MockOAuth2Server> running; // guarded by this; null until launched
  private boolean closed; // guarded by this: no launch after close (its server would outlive it)

  private DemoProvider(int port) {
    this.port = port;
    this.issuer = URI.create("http://127.0.0.1:" + port + "/" + ID);
  }

  /** Whether to run the demo: no real provider, and not switched off. */
  public static boolean wanted(Config config, LoginProviders providers) {
    return !providers.any() && config.getBoolean(ENABLED, true);
  }

  /**
   * The demo on a free loopback port, not running yet: {@link #launch()} starts it once the blog
   * serves (the mock server brings Kotlin, Netty and Freemarker, close to a second of class loading
   * that would otherwise delay the blog's first answer), and a log-in with it waits for it.
   */
  public static DemoProvider reserve() {
    return new DemoProvider(freePort());
  }

  /**
   * Starts the server on a thread of its own, once; later calls, or calls after close, do nothing.
   */
  public synchronized void launch() {
    if (running == null && !closed) {
      running =
          CompletableFuture.supplyAsync(
              this::boot,
              task -> {
                Thread thread = new Thread(task, "demo-sign-in");
                thread.setDaemon(true);
                thread.start();
              });
      running.exceptionally(
          e -> {
            LOG.error("Could not start the demo sign-in provider: {}", e.toString());
            return null;
          });
    }
  }

  private MockOAuth2Server boot() {
    MockOAuth2Server server =
        new MockOAuth2Server(
            new OAuth2Config(
                true, null, null, false, new OAuth2TokenProvider(), Set.of(), new NettyWrapper()));
    server.start(InetAddress.getLoopbackAddress(), port);
    warmUp(issuer);
    LOG.info(
        "Demo sign-in provider at {} (no real provider configured; {}=false turns it off)",
        issuer,
        ENABLED);
    return server;
  }

  /** Where the demo answers, as its discovery document names it. */
  URI issuer() {
    return issuer;
  }

  /** The providers with the demo added. */
  public LoginProviders addTo(LoginProviders providers) {
    return providers.withOidc(ID, "Demo sign-in", issuer, "blog-demo", "demo-secret");
  }

  @Override
  public void close() {
    CompletableFuture<MockOAuth2Server> launched;
    synchronized (this) {
      closed = true;
      launched = running;
    }
    MockOAuth2Server server = started(launched);
    if (server != null) {
      server.shutdown();
    }
  }

  /**
   * Launches the server if nothing has yet, and waits for it; a log-in with it starts only then.
   */
  public void awaitStarted() {
    CompletableFuture<MockOAuth2Server> launched;
    synchronized (this) {
      launch();
      launched = running;
    }
    started(launched); // none once closed: the log-in then fails as with a provider away
  }

  /** The server once {@code launched} has started it; null if it failed or never launched. */
  private static MockOAuth2Server started(CompletableFuture<MockOAuth2Server> launched) {
    return launched == null ? null : launched.exceptionally(e -> null).join();
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
