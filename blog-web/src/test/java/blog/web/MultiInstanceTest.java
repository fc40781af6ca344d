package blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.change.ContentVersionRepository;
import blog.core.comment.CommentStatus;
import blog.core.comment.DiscussionSettings;
import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.identity.UserRepository;
import blog.core.login.StaffAccounts;
import blog.core.post.PostPaths;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.security.SiteSecret;
import blog.core.seed.SeedContent;
import blog.core.site.SettingsRepository;
import blog.core.testing.DbKind;
import blog.core.testing.Fixtures;
import blog.core.testing.Slow;
import blog.core.testing.TestDatabase;
import blog.core.testing.TestOidcServer;
import blog.migrations.Migrations;
import blog.web.testing.AppProcess;
import blog.web.testing.Browser;
import blog.web.testing.StaffBrowsers;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two blog instances, each a process of its own on its own port, share one PostgreSQL schema, as
 * behind a load balancer; the test alternates requests between them. They and a third start at the
 * same moment on an empty schema (the third leaves after the first test); the last test kills one
 * of them.
 */
@Slow
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceTest {
  private static final Duration COHERENCE = Duration.ofSeconds(1);
  private static final String STAFF_COOKIE = "blog_admin";

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final AtomicInteger clients = new AtomicInteger();
  private TestDatabase db;
  private AppProcess a;
  private AppProcess b;

  /** Starts with A and B, to show three instances migrating at once; stopped after that test. */
  private AppProcess c;

  private Fixtures fixtures;
  private long author;
  private TestOidcServer oidc;
  private final Map<String, Instant> launchedAt = new ConcurrentHashMap<>();

  @BeforeAll
  void startTwoInstancesAtOnce() {
    TestDatabase.requirePostgres();
    db = TestDatabase.createEmpty(DbKind.POSTGRES);
    Map<String, String> env = new HashMap<>();
    env.put("BLOG_DB_URL", db.settings().url());
    env.put("BLOG_DB_USER", db.settings().user());
    env.put("BLOG_DB_PASSWORD", db.settings().password());
    env.put("BLOG_DB_POOL_SIZE", "8");
    env.put("BLOG_HOST", "127.0.0.1");
    env.put("BLOG_PORT", "0");
    env.put("BLOG_METRICS_PORT", "0");
    env.put("BLOG_AUTH_DEMO_ENABLED", "false");
    // The test plays the load balancer: its X-Forwarded-For names each reader.
    env.put("BLOG_TRUSTED_PROXIES", "127.0.0.1");
    // A third-party log-in provider every instance knows, as behind one public address.
    oidc = TestOidcServer.onFreePort().start();
    env.put("BLOG_AUTH_OIDC_MOCK_ISSUER", oidc.issuer("mock").toString());
    env.put("BLOG_AUTH_OIDC_MOCK_CLIENT_ID", "blog");
    env.put("BLOG_AUTH_OIDC_MOCK_CLIENT_SECRET", "blog-secret");
    env.put("BLOG_AUTH_OIDC_MOCK_LABEL", "Mock ID");
    Map<String, String> json = new HashMap<>(env);
    json.put("BLOG_LOG_FORMAT", "json");
    List<AppProcess> started = launchTogether(List.of(env, json, json), List.of("A", "B", "C"));
    a = started.get(0);
    b = started.get(1);
    c = started.get(2);
    a.awaitServing(Duration.ofSeconds(90));
    b.awaitServing(Duration.ofSeconds(90));
    c.awaitServing(Duration.ofSeconds(90));

    Jdbi jdbi = db.database().jdbi();
    fixtures = new Fixtures(jdbi);
    author = fixtures.author("Cluster Author");
    // Forms may be sent at once (a test is no person); settings are read on every request.
    new SettingsRepository(jdbi).putAll(Map.of(DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0"));
  }

  /**
   * Starts one process per environment from threads released together by a barrier, so their JVMs
   * boot and reach Flyway's migrations at the same moment rather than one after another.
   */
  private List<AppProcess> launchTogether(List<Map<String, String>> envs, List<String> names) {
    CyclicBarrier gate = new CyclicBarrier(envs.size());
    ExecutorService starters = Executors.newFixedThreadPool(envs.size());
    try {
      List<Future<AppProcess>> launched = new ArrayList<>();
      for (int i = 0; i < envs.size(); i++) {
        Map<String, String> env = Map.copyOf(envs.get(i));
        String name = names.get(i);
        launched.add(
            starters.submit(
                () -> {
                  gate.await(30, TimeUnit.SECONDS);
                  launchedAt.put(name, Instant.now());
                  return AppProcess.launch(name, env);
                }));
      }
      List<AppProcess> processes = new ArrayList<>();
      for (Future<AppProcess> process : launched) {
        processes.add(process.get(60, TimeUnit.SECONDS));
      }
      return processes;
    } catch (Exception e) {
      throw new AssertionError("could not launch the instances together", e);
    } finally {
      starters.shutdownNow();
    }
  }

  @AfterAll
  void stopEverything() {
    for (AppProcess app : new AppProcess[] {a, b, c}) {
      if (app != null) {
        app.close();
      }
    }
    if (oidc != null) {
      oidc.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  @Order(1)
  void threeStartingTogetherOnAnEmptySchemaApplyEachMigrationOnceAndSeedOnce() throws Exception {
    Jdbi jdbi = db.database().jdbi();
    List<String> doubled =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\""
                            + " GROUP BY \"version\" HAVING COUNT(*) > 1")
                    .mapTo(String.class)
                    .list());
    assertEquals(List.of(), doubled, "no migration applied twice");
    Duration spread =
        Duration.between(
            launchedAt.values().stream().min(Instant::compareTo).orElseThrow(),
            launchedAt.values().stream().max(Instant::compareTo).orElseThrow());
    assertEquals(3, launchedAt.size());
    assertTrue(spread.compareTo(Duration.ofSeconds(2)) < 0, "launched together: " + spread);
    List<String> failed =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT \"version\" FROM \"flyway_schema_history\" WHERE NOT \"success\"")
                    .mapTo(String.class)
                    .list());
    assertEquals(List.of(), failed, "no migration failed under contention");
    List<String> applied =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT \"version\" FROM \"flyway_schema_history\""
                            + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")
                    .mapTo(String.class)
                    .list());
    assertEquals(
        applied.stream().distinct().count(), applied.size(), "each migration applied once");
    assertTrue(
        Migrations.upToDate(db.database().dataSource()),
        "and every migration this version knows is among them: " + applied);
    // The baseline's PostgreSQL part, which creates the triggers, ran once.
    long baseline =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = ?")
                    .bind(0, Migrations.BASELINE)
                    .mapTo(Long.class)
                    .one());
    assertEquals(1, baseline);
    assertEquals(1, new PostRepository(jdbi).count(), "the article was seeded once");
    for (AppProcess app : List.of(a, b, c)) {
      assertEquals(200, get(app, "/readyz").statusCode(), app.name());
      assertEquals(200, get(app, "/healthz").statusCode(), app.name());
      String home = get(app, "/").body();
      assertEquals(1, home.split("rel=\"bookmark\"", -1).length - 1, app.name());
      assertTrue(home.contains(SeedContent.TITLE));
    }
    // Two instances are enough for the rest: C leaves (and spares the machine its memory).
    c.close();
    c = null;
  }

  @Test
  @Order(2)
  void loggedInOnAnAdminWorksOnBAndLogsOutEverywhere() {
    User admin = staff(Role.ADMIN);
    Browser onA = logIn(admin, a);
    Browser onB = onA.on(b);
    assertTrue(onB.page("/admin").contains(admin.displayName()), "the session is known on B");

    long post = publishedPost();
    String text = Fixtures.unique("held until B approves");
    long comment =
        fixtures.comment(post, null, "Guest", text, Instant.now(), CommentStatus.PENDING);
    String queue = onB.page("/admin/comments?status=pending");
    assertTrue(queue.contains(text));
    HttpResponse<String> approved =
        onB.post(
            "/admin/comments/" + comment + "/moderate",
            Map.of(
                "action", "approve",
                "status", "pending",
                "_csrf", StaffBrowsers.hidden(queue, "_csrf")));
    assertEquals(303, approved.statusCode(), approved.body());
    assertTrue(get(a, permalink(post)).body().contains(text), "approved on B, shown on A");

    String kept = onA.cookie(STAFF_COOKIE).orElseThrow();
    assertEquals(200, onB.getWithCookie("/admin", STAFF_COOKIE + "=" + kept).statusCode());
    String dashboard = onA.page("/admin");
    assertEquals(
        303,
        onA.post("/admin/logout", Map.of("_csrf", StaffBrowsers.hidden(dashboard, "_csrf")))
            .statusCode());
    assertEquals(303, onB.get("/admin").statusCode(), "logged out on A means on B too");
    // The browser dropped its cookie at log-out; sent by hand to B, it must open nothing either.
    HttpResponse<String> replayed = onB.getWithCookie("/admin", STAFF_COOKIE + "=" + kept);
    assertEquals(303, replayed.statusCode(), "the session ended for every instance");
    assertTrue(replayed.headers().firstValue("Location").orElse("").startsWith("/admin/login"));
  }

  @Test
  @Order(3)
  void aCommentSentToAIsReadOnBAndItsApprovalShowsThereWithinASecond() throws Exception {
    long post = publishedPost();
    String path = permalink(post);
    String text = Fixtures.unique("Sent to A");
    Browser reader = new Browser(a);
    Map<String, String> form = Browser.replyForm(reader.page(path));
    form.putAll(Map.of("author", "Roaming Reader", "email", "roam@example.org", "comment", text));
    HttpResponse<String> sent =
        reader.post("/comments/", form, Map.of("X-Forwarded-For", nextClient()));
    assertEquals(303, sent.statusCode(), sent.body());

    String seenOnB = new Browser(b).page(path);
    assertFalse(seenOnB.contains(text), "held: strangers on B do not see it");
    String ownOnB = reader.on(b).page(path);
    assertTrue(ownOnB.contains(text), "its author sees it on B (the signed cookie holds there)");
    assertTrue(ownOnB.contains("Your comment is awaiting moderation."));

    // B keeps the page (the version it keys on may move once after the held comment, as B's poll
    // sees it, so the answer after a hit may be a miss again): a reader's request is answered from
    // B's cache before the approval, so what follows proves invalidation.
    AtomicReference<HttpResponse<String>> cached = new AtomicReference<>();
    awaitWithin(
        Duration.ofSeconds(5),
        () -> {
          HttpResponse<String> answer = get(b, path);
          cached.set(answer);
          return "hit".equals(answer.headers().firstValue("X-Page-Cache").orElse(""));
        },
        "B answers the page from its page cache");
    assertFalse(cached.get().body().contains(text), "the kept page holds no held comment");

    Browser admin = logIn(staff(Role.ADMIN), a);
    String queue = admin.page("/admin/comments?status=pending");
    long id = commentIdOf(post, text);
    assertEquals(
        303,
        admin
            .post(
                "/admin/comments/" + id + "/moderate",
                Map.of(
                    "action",
                    "approve",
                    "status",
                    "pending",
                    "_csrf",
                    StaffBrowsers.hidden(queue, "_csrf")))
            .statusCode());
    Instant approvedAt = Instant.now();
    long version = new ContentVersionRepository(db.database().jdbi()).read();

    Instant bound = approvedAt.plus(COHERENCE);
    awaitUntil(bound, () -> get(b, path).body().contains(text), "B shows the approval");
    awaitUntil(
        bound,
        () -> contentVersionOn(b) >= version,
        "B's content version (what caches key on) caught up");

    HttpResponse<String> traced = get(b, path);
    String requestId = traced.headers().firstValue("X-Request-Id").orElseThrow();
    awaitWithin(
        Duration.ofSeconds(5),
        () ->
            b.output()
                .lines()
                .anyMatch(
                    line ->
                        line.startsWith("{")
                            && line.contains("\"requestId\":\"" + requestId + "\"")
                            && line.contains("blog.access")),
        "B logs JSON lines with the request id");
  }

  @Test
  @Order(4)
  void aCommenterStartsSigningInOnAReturnsOnBAndCommentsOnA() {
    long post = publishedPost();
    String path = permalink(post);
    String client = nextClient();
    Browser onA = new Browser(a);
    Map<String, String> form = Browser.replyForm(onA.page(path));
    form.put("comment", "Typed on A before signing in");
    HttpResponse<String> start =
        onA.post("/auth/mock/start", form, Map.of("X-Forwarded-For", client));
    assertEquals(200, start.statusCode(), start.body());
    URI authorization = Browser.refreshTarget(start.body());
    assertTrue(authorization.toString().startsWith(oidc.authorizationEndpoint("mock").toString()));

    String subject = Fixtures.unique("roamer");
    oidc.nextTokens("mock", subject, Map.of("name", "Roaming Signer"));
    HttpResponse<String> atProvider = onA.getAbsolute(authorization);
    assertEquals(302, atProvider.statusCode(), atProvider.body());
    URI callback = URI.create(atProvider.headers().firstValue("Location").orElseThrow());

    // The balancer sends the provider's redirect back to B, which never saw the start.
    Browser onB = onA.on(b);
    HttpResponse<String> back = onB.get(callback.getRawPath() + "?" + callback.getRawQuery());
    assertEquals(303, back.statusCode(), back.body() + b.everything());
    String location = back.headers().firstValue("Location").orElseThrow();
    String pageOnB = onB.page(location.substring(0, location.indexOf('#')));
    assertTrue(pageOnB.contains("You are logged in with Mock ID."), pageOnB);
    assertEquals("Typed on A before signing in", Browser.replyForm(pageOnB).get("comment"));

    Browser backOnA = onB.on(a);
    String pageOnA = backOnA.page(path);
    assertTrue(
        pageOnA.contains("You are commenting using your Mock ID account."), "signed in on A too");
    String text = Fixtures.unique("Said on A, signed in through B");
    Map<String, String> comment = Browser.replyForm(pageOnA);
    comment.put("comment", text);
    HttpResponse<String> sent =
        backOnA.post("/comments/", comment, Map.of("X-Forwarded-For", client));
    assertEquals(303, sent.statusCode(), sent.body());

    Map<String, Object> stored =
        db.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            """
                            SELECT c.author_name, i.provider, i.subject FROM comments c
                            JOIN commenter_identities i ON i.id = c.identity_id
                            WHERE c.post_id = :p AND c.body_source = :t
                            """)
                        .bind("p", post)
                        .bind("t", text)
                        .mapToMap()
                        .one());
    assertEquals("Roaming Signer", stored.get("author_name"));
    assertEquals("mock", stored.get("provider"));
    assertEquals(subject, stored.get("subject"));
    assertTrue(backOnA.on(b).page(path).contains(text), "its author sees it on B as well");
  }

  @Test
  @Order(5)
  void aClientWhoCommentedOnAIsSlowedDownOnBToo() throws Exception {
    long post = publishedPost();
    String client = nextClient();
    Form first = fetchForm(a, permalink(post), client);
    Form second = fetchForm(b, permalink(post), client);
    assertEquals(303, submit(a, first).statusCode());
    HttpResponse<String> tooSoon = submit(b, second);
    assertEquals(422, tooSoon.statusCode());
    assertTrue(tooSoon.body().contains("You are posting comments too quickly"));
    assertEquals(1, fixtures.countComments(post));
  }

  @Test
  @Order(6)
  void fiveHundredCommentsAtOnceOverBothLoseNothingAndDoubleNothing() throws Exception {
    long post = publishedPost();
    List<Form> forms = fetchForms(post, 500);
    ExecutorService pool = Executors.newFixedThreadPool(48);
    try {
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < forms.size(); i++) {
        Form form = forms.get(i);
        // Each form goes to the other instance than the one that drew it.
        AppProcess target = form.from() == a ? b : a;
        sent.add(pool.submit(() -> submit(target, form)));
      }
      int accepted = 0;
      Set<String> locations = new HashSet<>();
      for (Future<HttpResponse<String>> response : sent) {
        HttpResponse<String> answer = response.get();
        if (answer.statusCode() == 303) {
          accepted++;
          locations.add(answer.headers().firstValue("Location").orElseThrow());
        }
      }
      assertEquals(500, accepted, "every submission was accepted");
      assertEquals(500, locations.size(), "each to a comment of its own");
      assertEquals(accepted, fixtures.countComments(post), "rows = accepted answers");

      // Browsers resend (double clicks, retries), to either instance: still one each.
      List<Future<HttpResponse<String>>> again = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        Form form = forms.get(i * 5);
        AppProcess target = i % 2 == 0 ? a : b;
        again.add(pool.submit(() -> submit(target, form)));
      }
      for (Future<HttpResponse<String>> response : again) {
        assertEquals(303, response.get().statusCode());
      }
      assertEquals(500, fixtures.countComments(post), "resent forms stored nothing new");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Order(7)
  void whenAIsKilledMidLoadBKeepsServingAndNoCommentIsLostOrDoubled() throws Exception {
    long post = publishedPost();
    List<Form> forms = fetchForms(post, 200);
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger failedOnB = new AtomicInteger();
    AtomicInteger retriedOnB = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> outcomes = new ArrayList<>();
      for (int i = 0; i < forms.size(); i++) {
        Form form = forms.get(i);
        AppProcess target = i % 2 == 0 ? a : b;
        Callable<Integer> send =
            () -> {
              int status = statusOrFailure(target, form);
              if (target == a && status != 303) {
                // The balancer retries a failed request on the other instance, same form.
                retriedOnB.incrementAndGet();
                status = statusOrFailure(b, form);
              }
              if (status != 303) {
                failedOnB.incrementAndGet();
              }
              answered.incrementAndGet();
              return status;
            };
        outcomes.add(pool.submit(send));
      }
      awaitWithin(Duration.ofSeconds(60), () -> answered.get() >= 50, "load under way");
      a.kill();
      assertFalse(a.process().isAlive());
      for (Future<Integer> outcome : outcomes) {
        assertEquals(303, outcome.get());
      }
      assertEquals(0, failedOnB.get(), "B answered everything, during and after the kill");
      assertTrue(retriedOnB.get() > 0, "some requests to A failed and went to B");
      assertEquals(200, fixtures.countComments(post), "every comment stored exactly once");
      assertEquals(200, get(b, "/readyz").statusCode());
    } finally {
      pool.shutdownNow();
    }
  }

  // --- helpers ---

  /** A reply form drawn from one instance, with the cookies that came with it. */
  private record Form(AppProcess from, Map<String, String> fields, String cookies, String client) {}

  private List<Form> fetchForms(long post, int count) throws Exception {
    String path = permalink(post);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Form>> forms = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        AppProcess from = i % 2 == 0 ? a : b;
        forms.add(pool.submit(() -> fetchForm(from, path, nextClient())));
      }
      List<Form> result = new ArrayList<>();
      for (Future<Form> form : forms) {
        result.add(form.get());
      }
      return result;
    } finally {
      pool.shutdownNow();
    }
  }

  private Form fetchForm(AppProcess from, String path, String client) throws Exception {
    HttpResponse<String> page = get(from, path);
    assertEquals(200, page.statusCode());
    String cookies =
        page.headers().allValues("Set-Cookie").stream()
            .map(cookie -> cookie.split(";", 2)[0])
            .collect(Collectors.joining("; "));
    Map<String, String> fields = Browser.replyForm(page.body());
    String who = client.replace(":", "");
    fields.put("author", "Visitor " + who);
    fields.put("email", who + "@example.org");
    fields.put("comment", "Said by " + who);
    return new Form(from, fields, cookies, client);
  }

  private HttpResponse<String> submit(AppProcess to, Form form)
      throws IOException, InterruptedException {
    String body =
        form.fields().entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(URI.create(to.url("/comments/")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", to.url(""))
            .header("Cookie", form.cookies())
            .header("X-Forwarded-For", form.client())
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The status, or 0 when the connection failed (the instance died under the request). */
  private int statusOrFailure(AppProcess to, Form form) throws InterruptedException {
    try {
      return submit(to, form).statusCode();
    } catch (IOException e) {
      return 0;
    }
  }

  private HttpResponse<String> get(AppProcess app, String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(app.url(path))).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("GET " + path + " on " + app.name() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private long contentVersionOn(AppProcess app) {
    try {
      String prefix = "blog_content_version ";
      return http.send(
              HttpRequest.newBuilder(URI.create(app.metricsUrl())).build(),
              HttpResponse.BodyHandlers.ofString())
          .body()
          .lines()
          .filter(line -> line.startsWith(prefix))
          .mapToLong(line -> (long) Double.parseDouble(line.substring(prefix.length())))
          .findFirst()
          .orElseThrow();
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String nextClient() {
    // IPv6 documentation addresses: names for the test's readers, never contacted.
    return "2001:db8::" + Integer.toHexString(clients.incrementAndGet());
  }

  private User staff(Role role) {
    Jdbi jdbi = db.database().jdbi();
    StaffAccounts accounts =
        new StaffAccounts(
            new UserRepository(jdbi),
            Fixtures.PASSWORDS,
            new SettingsRepository(jdbi),
            SiteSecret.signer(new SettingsRepository(jdbi), new SecureRandom()),
            Clock.systemUTC());
    return accounts
        .create(
            Fixtures.unique("staff").toLowerCase(),
            "Staffer " + clients.incrementAndGet(),
            StaffBrowsers.PASSWORD,
            role)
        .user()
        .orElseThrow();
  }

  private Browser logIn(User user, AppProcess on) {
    Browser browser = new Browser(on);
    String page = browser.page("/admin/login");
    HttpResponse<String> in =
        browser.post(
            "/admin/login",
            Map.of(
                "username",
                user.username(),
                "password",
                StaffBrowsers.PASSWORD,
                "next",
                "/admin",
                "_csrf",
                StaffBrowsers.hidden(page, "_csrf")),
            Map.of("X-Forwarded-For", nextClient()));
    assertEquals(303, in.statusCode(), in.body());
    return browser;
  }

  private long publishedPost() {
    return fixtures.post(
        author,
        Fixtures.unique("Shared"),
        PostStatus.PUBLISHED,
        Instant.now().minus(Duration.ofHours(1)));
  }

  private String permalink(long postId) {
    return PostPaths.permalink(
        new PostRepository(db.database().jdbi()).findById(postId).orElseThrow(), ZoneOffset.UTC);
  }

  private long commentIdOf(long postId, String text) {
    return new Fixtures(db.database().jdbi()).commentId(postId, text);
  }

  private static void awaitWithin(Duration bound, BooleanSupplier condition, String what) {
    awaitUntil(Instant.now().plus(bound), condition, what);
  }

  private static void awaitUntil(Instant deadline, BooleanSupplier condition, String what) {
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not by " + deadline + ": " + what);
      }
      LockSupport.parkNanos(10_000_000L);
    }
  }
}
