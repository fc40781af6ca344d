package blog.web;

import static blog.web.testing.StaffBrowsers.hidden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.testing.DbKind;
import blog.core.testing.Slow;
import blog.core.testing.SyntheticWxr;
import blog.web.testing.AppProcess;
import blog.web.testing.Browser;
import blog.web.testing.CrashDrill;
import blog.web.testing.ImportUploads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An import is all or nothing: {@code import-wxr} of a large export killed ({@code kill -9}) at any
 * moment before it says done leaves none of the file behind once the blog has started again, and
 * the same import run again completes; an import reported done is all there after a kill. Likewise
 * for an upload on the import screen, and for {@code backup}: a backup cut off by a kill is never
 * one that {@code restore} accepts.
 */
@Slow
class ImportCrashTest {
  private static final String FILE = "theme-unit-test-data.xml";
  private static final int POSTS = 40;
  private static final int COMMENTS_EACH = 40;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(DbKind.class)
  void aLargeImportKilledAtAnyMomentLeavesNothingAfterARestartAndRunsAgain(DbKind kind)
      throws IOException {
    // Large enough that H2 writes it in many batches (and, as one transaction, had been seen to
    // come back half committed after a kill).
    Path file = dir.resolve("large.xml");
    Files.writeString(file, SyntheticWxr.export(POSTS, COMMENTS_EACH), StandardCharsets.UTF_8);
    try (CrashDrill drill = CrashDrill.create(kind, dir)) {
      restart(drill, "seed");
      List<Long> before = rows(drill);
      List<Long> whole = List.of(before.get(0) + POSTS, before.get(1) + POSTS * COMMENTS_EACH);
      // H2 writes in batches that a restart takes back: early and late; PostgreSQL's one
      // transaction is PostgreSQL's to keep whole: once is enough.
      String[] moments =
          kind == DbKind.H2 ? new String[] {"30% read", "90% read"} : new String[] {"60% read"};
      // Once a round has said Done, the file is in: later rounds find nothing new to import.
      boolean completed = false;
      for (int round = 0; round < moments.length; round++) {
        boolean reportedDone;
        try (AppProcess importing =
            AppProcess.command("import-" + round, drill.env(), "import-wxr", file.toString())) {
          importing.awaitOutput(moments[round], Duration.ofSeconds(120));
          LockSupport.parkNanos(
              CrashDrill.someMomentBetween(Duration.ZERO, Duration.ofMillis(100)).toNanos());
          reportedDone = importing.output().contains("Done");
          importing.kill();
        }
        completed |= reportedDone;
        restart(drill, "restart-" + round);
        if (kind == DbKind.H2) {
          // import-wxr wrote into a copy of the file: the blog's file stayed as it was.
          assertTrue(Files.notExists(dir.resolve("blog.before-rebuild.mv.db")), "no rebuild");
        }
        assertEquals(
            completed ? whole : before,
            rows(drill),
            completed ? "said Done, all of it is there" : "killed before Done, none of it");
        assertNoImportUnfinished(drill);
        drill.assertCountsAgreeWithRows();
      }
      try (AppProcess importing =
          AppProcess.command("import-done", drill.env(), "import-wxr", file.toString())) {
        assertEquals(0, importing.waitFor(Duration.ofSeconds(300)), importing.everything());
        // A round can have finished in the moment before its kill; then this run adds nothing.
        String done = completed ? "Done: nothing new to import." : "Done.";
        assertTrue(importing.output().contains(done), importing.everything());
      }
      List<Long> imported = rows(drill);
      assertEquals(whole, imported, "the whole file");
      drill.assertCountsAgreeWithRows();
      // Said done, then killed at once: all of it stays.
      try (AppProcess again =
          AppProcess.command("import-again", drill.env(), "import-wxr", file.toString())) {
        again.awaitOutput("Done", Duration.ofSeconds(300));
        again.kill();
      }
      restart(drill, "restart-done");
      assertEquals(imported, rows(drill), "a second import of the same file adds nothing");
      assertNoImportUnfinished(drill);
    }
  }

  @Test
  void anUploadKilledWhileImportingLeavesNothingAndOneSaidDoneStays() throws Exception {
    byte[] export = Files.readAllBytes(fixture());
    try (CrashDrill drill = CrashDrill.create(DbKind.H2, dir)) {
      String admin = drill.staff("importer", Role.ADMIN).username();
      List<Long> before;
      try (AppProcess app = drill.start("upload-seed")) {
        app.terminate();
        app.waitFor(Duration.ofSeconds(15));
      }
      before = rows(drill);
      try (AppProcess app = drill.start("upload-killed")) {
        Browser browser = CrashRecoveryTest.loggedIn(app, admin);
        HttpResponse<InputStream> lines =
            browser.send(upload(app, browser, export), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, lines.statusCode());
        try (BufferedReader progress =
            new BufferedReader(new InputStreamReader(lines.body(), StandardCharsets.UTF_8))) {
          assertTrue(progress.readLine() != null, "a first progress line");
          app.kill();
        }
      }
      restart(drill, "upload-restart");
      assertEquals(before, rows(drill), "an upload cut off leaves nothing after a restart");
      assertNoImportUnfinished(drill);
      try (AppProcess app = drill.start("upload-done")) {
        Browser browser = CrashRecoveryTest.loggedIn(app, admin);
        HttpResponse<String> done =
            browser.send(upload(app, browser, export), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, done.statusCode(), done.body());
        app.kill();
      }
      List<Long> after = rows(drill);
      assertTrue(after.get(0) > before.get(0) + 20, "the import said done is there: " + after);
      drill.assertCountsAgreeWithRows();
    }
  }

  @Test
  void aBackupKilledWhileWritingIsNeverTakenForAComplete() throws IOException {
    Path file = fixture();
    try (CrashDrill drill = CrashDrill.create(DbKind.H2, dir)) {
      try (AppProcess importing =
          AppProcess.command("fill", drill.env(), "import-wxr", file.toString())) {
        assertEquals(0, importing.waitFor(Duration.ofSeconds(120)), importing.everything());
      }
      Path backup = dir.resolve("backup.sql");
      Path partial = dir.resolve("backup.sql.partial");
      try (AppProcess backingUp =
          AppProcess.command("backup", drill.env(), "backup", backup.toString())) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!Files.exists(partial) && backingUp.process().isAlive()) {
          assertTrue(Instant.now().isBefore(deadline), backingUp.everything());
          LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
        backingUp.kill();
      }
      assertTrue(Files.notExists(backup), "no file by the backup's name");
      Map<String, String> fresh = Map.of("BLOG_DB_URL", "jdbc:h2:file:" + dir.resolve("restored"));
      if (Files.exists(partial)) {
        try (AppProcess restoring =
            AppProcess.command("restore", fresh, "restore", partial.toString())) {
          assertEquals(1, restoring.waitFor(Duration.ofSeconds(60)), restoring.everything());
          assertTrue(restoring.errors().contains("is incomplete"), restoring.everything());
        }
      }
      try (AppProcess backingUp =
          AppProcess.command("backup-done", drill.env(), "backup", backup.toString())) {
        assertEquals(0, backingUp.waitFor(Duration.ofSeconds(60)), backingUp.everything());
      }
      try (AppProcess restoring =
          AppProcess.command("restore-done", fresh, "restore", backup.toString())) {
        assertEquals(0, restoring.waitFor(Duration.ofSeconds(60)), restoring.everything());
      }
    }
  }

  /** Starts the blog on the drill's database (which takes back an unfinished import first). */
  private static void restart(CrashDrill drill, String name) {
    try (AppProcess app = drill.start(name, Duration.ofMinutes(3))) {
      app.terminate();
      assertTrue(app.waitFor(Duration.ofSeconds(30)) >= 0, "it stopped:\n" + app.everything());
    }
  }

  private static void assertNoImportUnfinished(CrashDrill drill) {
    long unfinished =
        drill.query(
            h ->
                h.createQuery(
                        "SELECT COUNT(*) FROM wxr_imports"
                            + " WHERE finished_at IS NULL AND undone_at IS NULL")
                    .mapTo(Long.class)
                    .one());
    assertEquals(0, unfinished, "every import is finished or taken back");
  }

  private static HttpRequest upload(AppProcess app, Browser browser, byte[] bytes) {
    return ImportUploads.request(app, hidden(browser.page("/admin/import"), "_csrf"), bytes, true);
  }

  /** Posts and comments, the rows an import adds. */
  static List<Long> rows(CrashDrill drill) {
    return drill.query(
        h ->
            List.of(
                h.createQuery("SELECT COUNT(*) FROM posts").mapTo(Long.class).one(),
                h.createQuery("SELECT COUNT(*) FROM comments").mapTo(Long.class).one()));
  }

  private Path fixture() throws IOException {
    Path file = dir.resolve(FILE);
    if (Files.notExists(file)) {
      try (InputStream in = ImportCrashTest.class.getResourceAsStream("/wxr/" + FILE)) {
        Files.copy(in, file);
      }
    }
    return file;
  }
}
