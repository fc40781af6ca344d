package blog.web.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.db.Database;
import blog.core.db.DatabaseSettings;
import blog.core.seed.SeedContent;
import blog.core.site.SettingsRepository;
import blog.core.testing.DbKind;
import blog.core.testing.Slow;
import blog.core.testing.TestDatabase;
import blog.web.testing.Browser;
import blog.web.testing.TcpProxy;
import blog.web.testing.TestServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.h2.tools.Server;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The database goes away under a running, busy blog and comes back. Meanwhile readers get a 503
 * page (never a stack trace), a writer gets "not saved yet" with everything typed kept and ready to
 * send again, and nothing half-written lands; afterwards the same server serves normally and the
 * kept comment goes in with one click. The database sits behind a TCP proxy the test cuts: on H2 an
 * H2 TCP server in this JVM (its in-memory data survives), on PostgreSQL the real server.
 *
 * <p>Most of its time goes in waiting for the pool's connection time-out during the outage, so the
 * two databases' runs go at once; each has its own server, proxy and database.
 */
@Slow
@Execution(ExecutionMode.CONCURRENT)
class DatabaseOutageTest {
  private static final int READERS = 4;

  private Server h2;
  private TestDatabase pg;
  private Database database;
  private TestServer server;
  private TcpProxy proxy;
  private ExecutorService load;

  @AfterEach
  void tearDown() throws Exception {
    if (load != null) {
      load.shutdownNow();
      load.awaitTermination(10, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (database != null) {
      database.close();
    }
    if (pg != null) {
      pg.close();
    }
    if (h2 != null) {
      h2.stop();
    }
  }

  @ParameterizedTest
  @EnumSource(DbKind.class)
  void readersGet503WritersKeepTheirTextNothingIsHalfWrittenAndTheBlogRecovers(DbKind kind)
      throws Exception {
    Jdbi direct = startBehindProxy(kind);
    // A test is no person: forms may be sent at once and often.
    new SettingsRepository(direct)
        .putAll(
            Map.of(
                DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0",
                DiscussionSettings.FLOOD_SECONDS, "0",
                DiscussionSettings.MODERATION, "none"));
    String home = server.get("/").body();
    assertTrue(home.contains(SeedContent.TITLE), home);
    String permalink = Jsoup.parse(home).selectFirst("a[rel=bookmark]").attr("href");
    long postId = postId(direct);
    int before = comments(direct, postId);

    Browser writer = new Browser(server);
    Map<String, String> form = Browser.replyForm(writer.page(permalink));
    String text = "Written while the database was away — <every> word & line\nmust survive.";
    form.putAll(Map.of("author", "Patient Writer", "email", "patient@example.org"));
    form.put("comment", text);

    // Readers keep reading, and another writer keeps writing, while the database comes and goes.
    load = Executors.newFixedThreadPool(READERS + 1);
    AtomicBoolean running = new AtomicBoolean(true);
    Map<Integer, AtomicInteger> readerStatuses = new ConcurrentHashMap<>();
    List<String> badPages = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < READERS; i++) {
      String path = i % 2 == 0 ? "/" : permalink;
      load.submit(
          () -> {
            while (running.get()) {
              HttpResponse<String> page = server.get(path);
              readerStatuses
                  .computeIfAbsent(page.statusCode(), s -> new AtomicInteger())
                  .incrementAndGet();
              if (page.statusCode() != 200 && !isOutagePage(page)) {
                badPages.add(page.statusCode() + " " + path + ": " + page.body());
              }
            }
            return null;
          });
    }
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    Set<String> refused = ConcurrentHashMap.newKeySet();
    AtomicInteger refusals = new AtomicInteger();
    // The busy writer sends in place, as the page's script does: each stored comment answers with
    // the form token for the next one; a refused one is sent again, same text, same token.
    Browser other = new Browser(server);
    Map<String, String> busyForm = Browser.replyForm(other.page(permalink));
    Future<?> busyWriter =
        load.submit(
            () -> {
              Map<String, String> fields = new LinkedHashMap<>(busyForm);
              fields.putAll(Map.of("author", "Busy", "email", "busy@example.org"));
              int n = 0;
              String line = "Comment number 0 of the busy writer";
              while (running.get()) {
                fields.put("comment", line);
                HttpResponse<String> answer =
                    other.post("/comments/", fields, Map.of("X-Requested-With", "fetch"));
                if (answer.statusCode() == 200) {
                  accepted.add(line);
                  fields.put(
                      "form_token", answer.headers().firstValue("X-Form-Token").orElseThrow());
                  line = "Comment number " + ++n + " of the busy writer";
                } else if (answer.statusCode() == 503) {
                  refused.add(line);
                  refusals.incrementAndGet();
                } else {
                  badPages.add("busy writer got " + answer.statusCode() + ": " + answer.body());
                }
              }
              return null;
            });
    await(
        () -> accepted.size() >= 3,
        () -> "the busy writer got going: " + badPages,
        Duration.ofSeconds(30));

    proxy.cut();
    HttpResponse<String> notSaved = writer.post("/comments/", form);
    assertEquals(503, notSaved.statusCode(), notSaved.body());
    assertTrue(notSaved.headers().firstValue("Retry-After").isPresent());
    Document page = Jsoup.parse(notSaved.body());
    assertTrue(page.text().contains("nothing is lost"), page.text());
    Element kept = page.selectFirst("form.kept-form");
    assertEquals("/comments/", kept.attr("action"));
    assertEquals(text, kept.selectFirst("textarea[name=comment]").val(), "the text, intact");
    assertEquals("Patient Writer", kept.selectFirst("textarea[name=author]").val());
    assertEquals(form.get("_csrf"), kept.selectFirst("input[name=_csrf]").val());
    assertEquals(form.get("form_token"), kept.selectFirst("input[name=form_token]").val());

    HttpResponse<String> down = server.get("/?down");
    assertEquals(503, down.statusCode());
    assertTrue(down.body().contains("Back in a moment"), down.body());
    assertEquals(503, server.get("/readyz").statusCode(), "not ready without its database");
    assertEquals(200, server.get("/healthz").statusCode(), "but alive: no reason to restart it");
    int refusedBefore = refusals.get();
    await(
        () -> readerStatuses.getOrDefault(503, new AtomicInteger()).get() >= READERS * 3,
        "readers saw the 503 page",
        Duration.ofSeconds(30));
    await(
        () -> refusals.get() > refusedBefore,
        "the busy writer was refused",
        Duration.ofSeconds(30));

    proxy.restore();
    // Pooled connections broken by the outage are replaced as they are found out; within a few
    // seconds every request succeeds again.
    HttpResponse<String> back = awaitStatus("/", 200, Duration.ofSeconds(20));
    assertEquals(200, server.get("/readyz").statusCode());
    assertTrue(back.body().contains(SeedContent.TITLE), "data survived the outage");
    int acceptedBefore = accepted.size();
    await(
        () -> accepted.size() > acceptedBefore + 2,
        "the busy writer is accepted again",
        Duration.ofSeconds(30));
    running.set(false);
    busyWriter.get(30, TimeUnit.SECONDS);
    load.shutdown();
    assertTrue(load.awaitTermination(30, TimeUnit.SECONDS));
    assertEquals(List.of(), badPages, "only pages and 503 pages, never a stack trace");
    assertTrue(readerStatuses.get(200).get() > 0);

    // "Send again" on the kept form: exactly one comment, as typed.
    Map<String, String> again = new LinkedHashMap<>();
    for (Element field : kept.select("input[type=hidden], textarea")) {
      again.put(field.attr("name"), field.is("textarea") ? field.val() : field.attr("value"));
    }
    assertEquals(303, writer.post("/comments/", again).statusCode());
    assertEquals(303, writer.post("/comments/", again).statusCode(), "a double click");

    // Nothing lost, nothing doubled, nothing half-written: every accepted comment is stored
    // once; a refused one is stored only if its commit landed before the line was cut (whole).
    List<String> stored = texts(direct, postId);
    assertEquals(1, stored.stream().filter(text::equals).count(), stored.toString());
    for (String line : accepted) {
      assertEquals(1, stored.stream().filter(line::equals).count(), line);
    }
    for (String line : stored) {
      assertTrue(
          line.equals(text) || accepted.contains(line) || refused.contains(line),
          "stored but never sent: " + line);
      assertEquals(1, stored.stream().filter(line::equals).count(), "stored twice: " + line);
    }
    assertEquals(stored.size(), comments(direct, postId) - before);
    assertFalse(stored.isEmpty());
  }

  /** Starts the blog on a database reached through {@link #proxy}; a direct line for the test. */
  private Jdbi startBehindProxy(DbKind kind) throws Exception {
    if (kind == DbKind.H2) {
      h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
      proxy = new TcpProxy(h2.getPort());
      String path = "/mem:outage" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
      database =
          Database.open(
              new DatabaseSettings("jdbc:h2:tcp://127.0.0.1:" + proxy.port() + path, "sa", "", 4));
      server = TestServer.start(database);
      return Jdbi.create("jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + path, "sa", "");
    }
    pg = TestDatabase.create(DbKind.POSTGRES);
    DatabaseSettings settings = pg.settings();
    URI url = URI.create(settings.url().substring("jdbc:".length()));
    proxy = new TcpProxy(url.getPort());
    URI viaProxy =
        new URI(
            url.getScheme(),
            url.getUserInfo(),
            "127.0.0.1",
            proxy.port(),
            url.getPath(),
            url.getQuery(),
            null);
    database =
        Database.open(
            new DatabaseSettings("jdbc:" + viaProxy, settings.user(), settings.password(), 4));
    server = TestServer.start(database);
    return pg.database().jdbi();
  }

  private static boolean isOutagePage(HttpResponse<String> page) {
    return page.statusCode() == 503
        && page.body().contains("Back in a moment")
        && !page.body().contains("Exception")
        && !page.body().contains("at blog.");
  }

  private static long postId(Jdbi jdbi) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id FROM posts WHERE title = :title")
                .bind("title", SeedContent.TITLE)
                .mapTo(Long.class)
                .one());
  }

  private static int comments(Jdbi jdbi, long postId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM comments WHERE post_id = :post")
                .bind("post", postId)
                .mapTo(Integer.class)
                .one());
  }

  private static List<String> texts(Jdbi jdbi, long postId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT body_source FROM comments WHERE post_id = :post AND author_email IN"
                        + " ('busy@example.org', 'patient@example.org') ORDER BY id")
                .bind("post", postId)
                .mapTo(String.class)
                .list());
  }

  private static void await(BooleanSupplier condition, String what, Duration timeout) {
    await(condition, () -> what, timeout);
  }

  private static void await(BooleanSupplier condition, Supplier<String> what, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      assertTrue(Instant.now().isBefore(deadline), () -> what.get() + " within " + timeout);
      LockSupport.parkNanos(20_000_000);
    }
  }

  private HttpResponse<String> awaitStatus(String path, int status, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    HttpResponse<String> response = server.get(path);
    while (response.statusCode() != status && Instant.now().isBefore(deadline)) {
      response = server.get(path);
    }
    assertEquals(status, response.statusCode(), path + " did not recover within " + timeout);
    return response;
  }
}
