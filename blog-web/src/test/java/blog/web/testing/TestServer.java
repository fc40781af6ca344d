package blog.web.testing;

import blog.core.config.Config;
import blog.core.db.Database;
import blog.web.BlogApp;
import blog.web.cache.PageCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The real blog server on a random loopback port, and an HTTP client that talks to it. */
public final class TestServer implements Site, AutoCloseable {
  /** Tests run "now" at a fixed moment, so scheduled posts are reliably in the future or past. */
  public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  private final BlogApp app;
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private TestServer(BlogApp app) {
    this.app = app;
  }

  public static TestServer start(Database database) {
    return start(database, Map.of());
  }

  /** With extra configuration keys, e.g. an SMTP server. */
  public static TestServer start(Database database, Map<String, String> extra) {
    return start(database, extra, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** With a clock of the test's own, e.g. a {@code MutableClock} to let scheduled times pass. */
  public static TestServer start(Database database, Map<String, String> extra, Clock clock) {
    Map<String, String> values = new HashMap<>(extra);
    values.putIfAbsent("port", "0");
    // Each server would start its own demo sign-in provider; the test that wants one says so.
    values.putIfAbsent("auth.demo.enabled", "false");
    // Tests write to the database directly (fixtures) and read the page at once: the page cache
    // stays on, checking the database's version on every answer rather than the polled one.
    values.putIfAbsent("page-cache.exact", "true");
    values.put("host", "127.0.0.1");
    return new TestServer(BlogApp.start(Config.of(values), clock, database));
  }

  @Override
  public String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  /** The most threads serving requests at once. */
  public int maxThreads() {
    return app.maxThreads();
  }

  /** The server's page cache. */
  public PageCache pageCache() {
    return app.pageCache();
  }

  /** The server's route table, as "METHOD path". */
  public List<String> routes() {
    return app.routes();
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    return send(http, request);
  }

  /** Sends and reads the body as text; failures become unchecked, as tests want them. */
  static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The body of a page that must answer 200. */
  public String page(String path) {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + path + " answered " + response.statusCode());
    }
    return response.body();
  }

  @Override
  public void close() {
    app.close();
  }
}
