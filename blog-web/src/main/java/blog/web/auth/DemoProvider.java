package blog.web.auth;

import blog.core.config.Config;
import blog.core.config.Setting;
import blog.core.login.LoginProviders;
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
 * log-in), so a newcomer can click through the whole third-party log-in without an account
 * anywhere; the blog asks for the name itself ({@link DemoSignIn}). Offered as provider {@code
 * demo} only while no real provider is configured, {@code auth.demo.enabled} is not {@code false}
 * and the blog's {@code base-url} is a loopback address (a visitor elsewhere could not come back
 * from it); it accepts any name, so it is for trying out only.
 */
public final class DemoProvider implements AutoCloseable {
  public static final String ID = "demo";
  public static final Setting<Boolean> ENABLED =
      Setting.trueOrFalse(
          "auth.demo.enabled",
          true,
          "with no provider and a loopback base-url, a local demo OpenID Connect sign-in");
  private static final Logger LOG = LoggerFactory.getLogger(DemoProvider.class);

  private final int port;
  private final URI issuer;
  private CompletableFuture<MockOAuth2Server> running; // guarded by this; null until launched
  private boolean closed; // guarded by this: no launch after close (its server would outlive it)

  private DemoProvider(int port) {
    this.port = port;
    this.issuer = URI.create("http://127.0.0.1:" + port + "/" + ID);
  }

  /** Whether the demo runs, and why, in the words of the one line logged at start. */
  public record Decision(boolean on, String reason) {
    /** Logs the decision, once at start, so an operator sees why the button is there or not. */
    public void log() {
      LOG.info("Demo sign-in is {}: {}", on ? "on" : "off", reason);
    }
  }

  /**
   * Whether to run the demo: no real provider, not switched off, and a {@code baseUrl} the browsers
   * that use it are on (the demo listens on 127.0.0.1, and sends them back to base-url).
   */
  public static Decision decide(Config config, LoginProviders providers, String baseUrl) {
    if (!ENABLED.read(config)) {
      return new Decision(false, ENABLED.key() + " is false");
    }
    if (providers.any()) {
      return new Decision(false, "a real log-in provider is configured");
    }
    if (!isLoopback(baseUrl)) {
      return new Decision(false, "base-url " + baseUrl + " is not a loopback address");
    }
    return new Decision(
        true,
        "no log-in provider is configured and base-url "
            + baseUrl
            + " is a loopback address ("
            + ENABLED.key()
            + "=false turns it off)");
  }

  /** Whether {@code url} names this machine: localhost, 127.0.0.0/8 or ::1 (never resolved). */
  static boolean isLoopback(String url) {
    String host;
    try {
      host = URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (host == null) {
      return false;
    }
    String name = host.toLowerCase(java.util.Locale.ROOT);
    if (name.equals("localhost") || name.endsWith(".localhost")) {
      return true;
    }
    if (name.matches("127(\\.[0-9]{1,3}){3}")) {
      return true;
    }
    return name.equals("[::1]") || name.equals("[0:0:0:0:0:0:0:1]");
  }

  /** Whether {@code url} is an authorization request to this demo (and to nothing else). */
  boolean isAuthorization(String url) {
    try {
      URI uri = URI.create(url);
      return "http".equals(uri.getScheme())
          && "127.0.0.1".equals(uri.getHost())
          && uri.getPort() == port
          && uri.getRawUserInfo() == null
          && uri.getRawFragment() == null
          && ("/" + ID + "/authorize").equals(uri.getRawPath());
    } catch (IllegalArgumentException e) {
      return false;
    }
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
    LOG.info("Demo sign-in provider at {}", issuer);
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
