package blog.web;

import static blog.web.testing.StaffBrowsers.hidden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.testing.DbKind;
import blog.core.testing.Slow;
import blog.web.testing.AppProcess;
import blog.web.testing.Browser;
import blog.web.testing.CrashDrill;
import blog.web.testing.EditorForms;
import blog.web.testing.StaffBrowsers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * "Saved" survives a crash: the blog runs as a real process, is sent comments, editor saves and
 * moderation actions from several clients at once through the real forms, and is killed with
 * SIGKILL at a random moment; started again on the same database, everything it had acknowledged is
 * there exactly once, and the counts the triggers keep agree with the rows. On the embedded H2 file
 * and on PostgreSQL (the blog is killed, not the database).
 */
@Slow
class CrashRecoveryTest {
  private static final Pattern SAVED_POST = Pattern.compile("/admin/posts/(\\d+)/edit\\?saved=1");
  private static final int ROUNDS = 3;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(DbKind.class)
  void everyAcknowledgedCommentSurvivesKillNine(DbKind kind) throws Exception {
    try (CrashDrill drill = CrashDrill.create(kind, dir).openFloodGates()) {
      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      for (int round = 1; round <= ROUNDS; round++) {
        try (AppProcess app = drill.start("crash-" + kind + "-" + round)) {
          String post = CrashDrill.seedArticle(app);
          Load load = new Load();
          for (int writer = 0; writer < 6; writer++) {
            boolean script = writer % 3 != 0; // most send in place, as the page's script does
            String name = "r" + round + "w" + writer;
            load.run(() -> comment(app, post, name, script, acknowledged, load));
          }
          load.killAfter(app, () -> acknowledged.size(), 10);
        }
        // The start after the last crash also shows the post with what was acknowledged.
        try (AppProcess app = drill.start("crash-" + kind + "-" + round + "-restart")) {
          if (round == ROUNDS) {
            String page = new Browser(app).page(CrashDrill.seedArticle(app));
            assertTrue(page.contains(acknowledged.iterator().next()), "the post shows them");
          }
          app.terminate();
          assertEquals(143, app.waitFor(Duration.ofSeconds(15)), app.everything());
        }
        assertStoredOnce(drill, acknowledged);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DbKind.class)
  void everyAcknowledgedSaveAndModerationSurvivesKillNine(DbKind kind) throws Exception {
    try (CrashDrill drill = CrashDrill.create(kind, dir)) {
      String editor = drill.staff("editor", Role.ADMIN).username();
      try (AppProcess first = drill.start("saves-" + kind + "-seed")) {
        first.terminate(); // the first start seeds the blog with its article
        assertEquals(143, first.waitFor(Duration.ofSeconds(15)), first.everything());
      }
      Set<String> published = ConcurrentHashMap.newKeySet();
      Set<Long> approved = ConcurrentHashMap.newKeySet();
      for (int round = 1; round <= 2; round++) {
        List<Long> held = holdComments(drill, round, 300);
        try (AppProcess app = drill.start("saves-" + kind + "-" + round)) {
          Load load = new Load();
          String prefix = "Crash-proof " + round + "-";
          load.run(() -> publish(app, editor, prefix, published, load));
          load.run(() -> approve(app, editor, held, approved, load));
          load.killAfter(app, () -> Math.min(published.size(), approved.size()), 3 * round);
        }
        restart(drill, "saves-" + kind + "-" + round + "-restart");
        for (String title : published) {
          long rows =
              drill.query(
                  h ->
                      h.createQuery("SELECT COUNT(*) FROM posts WHERE title = :t")
                          .bind("t", title)
                          .mapTo(Long.class)
                          .one());
          assertEquals(1, rows, "the published post " + title + " is stored once");
        }
        for (long id : approved) {
          String status =
              drill.query(
                  h ->
                      h.createQuery("SELECT status FROM comments WHERE id = :id")
                          .bind("id", id)
                          .mapTo(String.class)
                          .one());
          assertEquals("approved", status, "comment " + id + " was approved");
        }
        drill.assertCountsAgreeWithRows();
      }
    }
  }

  @Test
  void afterAnUncleanStopTheCommentCountsAreCountedAgainFromTheRows() {
    try (CrashDrill drill = CrashDrill.create(DbKind.H2, dir)) {
      try (AppProcess app = drill.start("unclean")) {
        app.kill();
      }
      // What a crash could leave in the counts kept by triggers, beside the rows.
      drill.inHandle(
          h -> {
            h.execute("UPDATE comment_status_counts SET n = n + 5 WHERE slot = 3");
            h.execute("UPDATE post_comment_counts SET approved = approved + 2");
          });
      try (AppProcess app = drill.start("after-unclean")) {
        assertTrue(app.output().contains("counted again"), app.everything());
        app.terminate();
        assertEquals(143, app.waitFor(Duration.ofSeconds(15)), app.everything());
      }
      drill.assertCountsAgreeWithRows();
      try (AppProcess app = drill.start("after-clean")) {
        assertFalse(app.output().contains("counted again"), "a clean stop needs no recount");
      }
    }
  }

  /** The blog started again after the crash, and stopped cleanly: counts are checked after it. */
  private static void restart(CrashDrill drill, String name) {
    try (AppProcess app = drill.start(name)) {
      app.terminate();
      assertEquals(143, app.waitFor(Duration.ofSeconds(15)), app.everything());
    }
  }

  /** Clients that run until the blog dies under them; a failure before that fails the test. */
  private static final class Load {
    private final AtomicBoolean killed = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    interface Client {
      void run() throws Exception;
    }

    void run(Client client) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  client.run();
                } catch (Throwable e) {
                  if (!killed.get()) {
                    failures.add(e);
                  }
                }
              });
      threads.add(thread);
      thread.start();
    }

    boolean going() {
      return !killed.get() && failures.isEmpty();
    }

    /** Kills the blog at a random moment once {@code progress} reached {@code atLeast}. */
    void killAfter(AppProcess app, IntSupplier progress, int atLeast) throws InterruptedException {
      Instant deadline = Instant.now().plusSeconds(60);
      while (progress.getAsInt() < atLeast && failures.isEmpty()) {
        assertTrue(Instant.now().isBefore(deadline), "no progress:\n" + app.everything());
        LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
      }
      LockSupport.parkNanos(
          CrashDrill.someMomentBetween(Duration.ofMillis(50), Duration.ofMillis(900)).toNanos());
      killed.set(true);
      app.kill();
      for (Thread thread : threads) {
        thread.join(30_000);
      }
      if (!failures.isEmpty()) {
        AssertionError error = new AssertionError("a client failed before the kill");
        failures.forEach(error::addSuppressed);
        throw error;
      }
    }
  }

  private static void comment(
      AppProcess app,
      String post,
      String name,
      boolean script,
      Set<String> acknowledged,
      Load load) {
    Browser browser = new Browser(app);
    Map<String, String> form = Browser.replyForm(browser.page(post));
    for (int n = 0; load.going(); n++) {
      String text = "crash " + name + " comment " + n;
      form.put("author", "Writer " + name);
      form.put("email", name + "-" + n + "@example.org");
      form.put("comment", text);
      if (script) {
        HttpResponse<String> sent =
            browser.post("/comments/", form, Map.of("X-Requested-With", "fetch"));
        assertEquals(200, sent.statusCode(), sent.body());
        acknowledged.add(text);
        form.put("form_token", sent.headers().firstValue("X-Form-Token").orElseThrow());
      } else {
        HttpResponse<String> sent = browser.post("/comments/", form);
        assertEquals(303, sent.statusCode(), sent.body());
        acknowledged.add(text);
        form = Browser.replyForm(browser.page(post));
      }
    }
  }

  private static void publish(
      AppProcess app, String editor, String prefix, Set<String> published, Load load) {
    Browser browser = loggedIn(app, editor);
    for (int n = 0; load.going(); n++) {
      String title = prefix + n;
      Map<String, String> form =
          EditorForms.post(
              browser.page("/admin/posts/new"),
              title,
              "Written just before the crash, number " + n,
              "publish");
      HttpResponse<String> saved = browser.post("/admin/posts", form);
      assertEquals(303, saved.statusCode(), saved.body());
      Matcher location = SAVED_POST.matcher(saved.headers().firstValue("Location").orElse(""));
      assertTrue(location.matches(), "says Saved");
      published.add(title);
    }
  }

  private static void approve(
      AppProcess app, String editor, List<Long> held, Set<Long> approved, Load load) {
    Browser browser = loggedIn(app, editor);
    String csrf = hidden(browser.page("/admin/comments?status=pending"), "_csrf");
    for (int i = 0; i < held.size() && load.going(); i++) {
      long id = held.get(i);
      HttpResponse<String> done =
          browser.post(
              "/admin/comments/" + id + "/moderate",
              Map.of("action", "approve", "status", "pending", "_csrf", csrf));
      assertEquals(303, done.statusCode(), done.body());
      approved.add(id);
    }
  }

  static Browser loggedIn(AppProcess app, String username) {
    return StaffBrowsers.logIn(app, username);
  }

  /** Comments waiting for moderation on the newest post, written directly; their ids in order. */
  private static List<Long> holdComments(CrashDrill drill, int round, int count) {
    return drill.query(
        h -> {
          long post =
              h.createQuery("SELECT id FROM posts ORDER BY id LIMIT 1").mapTo(Long.class).one();
          List<Long> ids = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            ids.add(
                h.createUpdate(
                        "INSERT INTO comments (post_id, author_name, author_email, body_source,"
                            + " body_html, status, created_at) VALUES (:post, 'Held', :email,"
                            + " :text, :html, 'pending', CURRENT_TIMESTAMP)")
                    .bind("post", post)
                    .bind("email", "held" + round + "-" + i + "@example.org")
                    .bind("text", "held " + round + "-" + i)
                    .bind("html", "<p>held " + round + "-" + i + "</p>")
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one());
          }
          return ids;
        });
  }

  /** Every acknowledged text is stored exactly once, and the counts agree with the rows. */
  private static void assertStoredOnce(CrashDrill drill, Set<String> acknowledged) {
    assertTrue(acknowledged.size() >= 10, "comments were acknowledged before the kill");
    Map<String, Long> stored = new HashMap<>();
    drill
        .query(
            h ->
                h.createQuery(
                        "SELECT body_source, COUNT(*) AS n FROM comments"
                            + " WHERE body_source LIKE 'crash %' GROUP BY body_source")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .list())
        .forEach(e -> stored.put(e.getKey(), e.getValue()));
    List<String> lost = acknowledged.stream().filter(t -> !stored.containsKey(t)).sorted().toList();
    assertEquals(
        List.of(), lost, "acknowledged but lost (" + lost.size() + " of " + acknowledged.size());
    stored.forEach((text, n) -> assertEquals(1L, n, text + " is stored once"));
    drill.assertCountsAgreeWithRows();
  }
}
