package blog.web.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.config.Config;
import blog.core.db.Database;
import blog.core.db.DatabaseSettings;
import blog.core.seed.SeedContent;
import blog.core.site.SettingsRepository;
import blog.web.BlogApp;
import blog.web.testing.Browser;
import blog.web.testing.Site;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * The operator's view of one running blog: Prometheus metrics on their own port, request ids from
 * the response header into the access log, and trusted proxies' ids kept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsEndpointsTest {
  private static final String PERMALINK = "/2011/09/14/" + SeedContent.SLUG + "/";

  private final HttpClient http = HttpClient.newHttpClient();
  private final ListAppender<ILoggingEvent> accessLog = new ListAppender<>();
  private BlogApp app;
  private Site site;
  private String dbUrl;

  @BeforeAll
  void start() {
    Logger access = (Logger) LoggerFactory.getLogger("blog.access");
    access.setLevel(Level.INFO);
    accessLog.start();
    access.addAppender(accessLog);
    dbUrl =
        "jdbc:h2:mem:ops" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    app = start(Map.of("metrics.port", "0"));
    site = path -> "http://127.0.0.1:" + app.port() + path;
  }

  private BlogApp start(Map<String, String> extra) {
    return start(dbUrl, extra);
  }

  private BlogApp start(String url, Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(extra);
    values.put("db.url", url);
    values.put("host", "127.0.0.1");
    values.put("port", "0");
    values.put("auth.demo.enabled", "false");
    return BlogApp.start(Config.of(values), Clock.systemUTC());
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
    ((Logger) LoggerFactory.getLogger("blog.access")).detachAppender(accessLog);
  }

  @Test
  void metricsComeInPrometheusFormatOnTheMetricsPortOnly() throws Exception {
    assertEquals(200, get(site.url(PERMALINK)).statusCode());
    assertEquals(200, get(site.url("/")).statusCode());
    assertEquals(404, get(site.url("/no/such/address/at/all/here/")).statusCode());
    // No route takes PUT: the one request here that matches nothing at all.
    HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(site.url("/no/such/address/")))
                .method("PUT", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());

    HttpResponse<String> metrics = get("http://127.0.0.1:" + app.metricsPort() + "/metrics");
    assertEquals(200, metrics.statusCode());
    assertTrue(
        metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
        metrics.headers().toString());
    String text = metrics.body();
    assertTrue(text.contains("http_server_requests_seconds_count{"), text);
    assertTrue(text.contains("route=\"/{year}/{month}/{day}/{slug}/\""), "by route pattern");
    assertTrue(text.contains("route=\"unmatched\""), "unmatched paths share one label");
    assertTrue(text.contains("le=\"0.1\""), "latency buckets to add up across instances");
    assertFalse(text.contains(SeedContent.SLUG), "never the raw path");
    assertTrue(text.contains("hikaricp_connections_active{"), "the database pool");
    assertTrue(text.contains("jvm_memory_used_bytes{"), "the JVM");
    assertTrue(text.contains("blog_content_version "), "the content version");
    assertTrue(
        text.contains("blog_page_cache_requests_total{result=\"hit\"}"), "the page cache's hits");
    assertTrue(text.contains("blog_comments_submitted_total{outcome=\"accepted\"}"), text);

    // The public site adds the trailing slash a page address has, as WordPress does; neither
    // address shows metrics there.
    assertEquals(404, get(site.url("/metrics/")).statusCode(), "not on the public port");
    HttpResponse<String> bare = get(site.url("/metrics"));
    assertTrue(
        bare.statusCode() == 404 || bare.statusCode() == 301, "not on the public port either");
    assertFalse(bare.body().contains("jvm_memory_used_bytes"));
  }

  @Test
  void aSecondRequestForAPageIsACacheHitAndCountedAsOne() throws Exception {
    String path = "/";
    // Counters that read a weakly held object stop counting after a collection: have one first.
    System.gc();
    double hitsBefore = pageCacheCounter("hit");
    double missesBefore = pageCacheCounter("miss");
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> page = get(site.url(path));
      assertEquals(200, page.statusCode());
      answers.add(page.headers().firstValue("X-Page-Cache").orElse("none"));
    }
    assertEquals("hit", answers.get(1), "the second request is answered from the cache");
    long hits = answers.stream().filter("hit"::equals).count();
    long misses = answers.stream().filter("miss"::equals).count();
    // Hits answered in Jetty are counted as their answer completes: wait for the count briefly.
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (pageCacheCounter("hit") < hitsBefore + hits && System.nanoTime() < deadline) {
      LockSupport.parkNanos(10_000_000L);
    }
    assertEquals(hitsBefore + hits, pageCacheCounter("hit"), "each hit counted once");
    assertEquals(missesBefore + misses, pageCacheCounter("miss"), "each miss counted once");
  }

  @Test
  void readinessIsRefusedWhileAMigrationIsPending() throws Exception {
    String url =
        "jdbc:h2:mem:behind" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    try (BlogApp behind = start(url, Map.of());
        Database database = Database.open(new DatabaseSettings(url, "sa", "", 1))) {
      // The newest migration this version knows goes missing from the schema's history, as on a
      // database an older version left behind: it counts as pending again.
      String last =
          "SELECT * FROM \"flyway_schema_history\" WHERE \"installed_rank\" ="
              + " (SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\")";
      Map<String, Object> row =
          database.jdbi().withHandle(h -> h.createQuery(last).mapToMap().one());
      database
          .jdbi()
          .useHandle(
              h ->
                  h.createUpdate(
                          "DELETE FROM \"flyway_schema_history\" WHERE \"installed_rank\" = :r")
                      .bind("r", row.get("installed_rank"))
                      .execute());
      String readyz = "http://127.0.0.1:" + behind.port() + "/readyz";
      HttpResponse<String> pending = get(readyz);
      assertEquals(503, pending.statusCode(), pending.body());
      assertEquals("database migrations pending\n", pending.body());
      assertEquals("no-store", pending.headers().firstValue("Cache-Control").orElse(""));
      assertEquals(200, get("http://127.0.0.1:" + behind.port() + "/healthz").statusCode());

      String columns =
          row.keySet().stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
      String values = row.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", "));
      database
          .jdbi()
          .useHandle(
              h ->
                  h.createUpdate(
                          "INSERT INTO \"flyway_schema_history\" ("
                              + columns
                              + ") VALUES ("
                              + values
                              + ")")
                      .bindMap(row)
                      .execute());
      HttpResponse<String> ready = get(readyz);
      assertEquals(200, ready.statusCode(), ready.body());
      assertEquals("ready\n", ready.body());
    }
  }

  @Test
  void commentSubmissionsAreCountedByOutcome() throws Exception {
    try (Database database = Database.open(new DatabaseSettings(dbUrl, "sa", "", 1))) {
      new SettingsRepository(database.jdbi())
          .putAll(Map.of(DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0"));
    }
    double heldBefore = counter("held");
    double rejectedBefore = counter("rejected");

    Browser browser = new Browser(site);
    Map<String, String> form = Browser.replyForm(browser.page(PERMALINK));
    form.putAll(
        Map.of("author", "First Timer", "email", "first@example.org", "comment", "Hello there"));
    assertEquals(303, browser.post("/comments/", form).statusCode());
    Map<String, String> empty = Browser.replyForm(browser.page(PERMALINK));
    empty.putAll(Map.of("author", "First Timer", "email", "first@example.org", "comment", ""));
    assertEquals(422, browser.post("/comments/", empty).statusCode());

    assertEquals(heldBefore + 1, counter("held"), "a first comment waits for approval");
    assertEquals(rejectedBefore + 1, counter("rejected"));
  }

  @Test
  void everyAnswerCarriesARequestIdThatItsAccessLogLineHasToo() throws Exception {
    HttpResponse<String> home = get(site.url("/"));
    String id = home.headers().firstValue("X-Request-Id").orElseThrow();
    assertTrue(id.matches("[0-9a-f]{16}"), id);
    assertNotEquals(id, get(site.url("/")).headers().firstValue("X-Request-Id").orElseThrow());

    ILoggingEvent line = accessLineOf(id);
    assertTrue(line.getFormattedMessage().startsWith("GET / 200 "), line.getFormattedMessage());
    assertTrue(line.getFormattedMessage().contains("(route /, client 127.0.0.1)"));

    HttpResponse<String> claimed = get(site.url("/"), "X-Request-Id", "made-up-by-a-client");
    assertNotEquals(
        "made-up-by-a-client",
        claimed.headers().firstValue("X-Request-Id").orElseThrow(),
        "only trusted proxies name requests");
  }

  @Test
  void aTrustedProxysRequestIdIsKept() throws Exception {
    try (BlogApp behindProxy = start(Map.of("trusted-proxies", "127.0.0.1"))) {
      String url = "http://127.0.0.1:" + behindProxy.port() + "/readyz";
      HttpResponse<String> ready = get(url, "X-Request-Id", "nginx-7f3a9c");
      assertEquals(200, ready.statusCode());
      assertEquals("nginx-7f3a9c", ready.headers().firstValue("X-Request-Id").orElseThrow());
      accessLineOf("nginx-7f3a9c");
      String odd = "has spaces and is far too long " + "x".repeat(80);
      assertNotEquals(
          odd,
          get(url, "X-Request-Id", odd.replace(' ', '_'))
              .headers()
              .firstValue("X-Request-Id")
              .orElseThrow(),
          "ids that could garble the log are replaced");
    }
  }

  private ILoggingEvent accessLineOf(String id) {
    // The access line is written just after the response went out.
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      List<ILoggingEvent> lines = List.copyOf(accessLog.list);
      for (ILoggingEvent line : lines) {
        if (id.equals(line.getMDCPropertyMap().get(RequestTracking.MDC_KEY))) {
          return line;
        }
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("no access-log line with request id " + id);
  }

  private double counter(String outcome) throws Exception {
    String prefix = "blog_comments_submitted_total{outcome=\"" + outcome + "\"} ";
    return get("http://127.0.0.1:" + app.metricsPort() + "/metrics")
        .body()
        .lines()
        .filter(line -> line.startsWith(prefix))
        .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length())))
        .findFirst()
        .orElseThrow();
  }

  private double pageCacheCounter(String result) throws Exception {
    String prefix = "blog_page_cache_requests_total{result=\"" + result + "\"} ";
    return get("http://127.0.0.1:" + app.metricsPort() + "/metrics")
        .body()
        .lines()
        .filter(line -> line.startsWith(prefix))
        .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length())))
        .findFirst()
        .orElseThrow();
  }

  private HttpResponse<String> get(String url, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
