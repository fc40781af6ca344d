package blog.web;

import static blog.web.testing.StaffBrowsers.hidden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.testing.DbKind;
import blog.core.testing.SyntheticWxr;
import blog.web.testing.AppProcess;
import blog.web.testing.Browser;
import blog.web.testing.CrashDrill;
import blog.web.testing.ImportUploads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A drill by hand, too long for CI: a large export (20 MB, 30,000 comments) uploaded on the import
 * screen of a blog on its embedded H2 file, and the blog killed ({@code kill -9}) at a random
 * moment of the import, round after round on the same file. After each kill the blog starts again
 * (writing a file torn by H2 anew, and taking the import back), and every count, and every index of
 * every table, must agree with the rows, with none of the import left. Run it with {@code
 * -Dtest=ImportKillDrill -Dblog.drill.rounds=N}; the database stays in {@code
 * target/import-kill-drill} (see docs/durability.md).
 */
@EnabledIfSystemProperty(named = "blog.drill.rounds", matches = "[0-9]+")
class ImportKillDrill {
  private static final int POSTS = 300;
  private static final int COMMENTS_EACH = 100;

  @Test
  void killedRoundAfterRoundTheFileStaysWhole() throws Exception {
    int rounds = Integer.getInteger("blog.drill.rounds");
    Path dir = Path.of("target", "import-kill-drill").toAbsolutePath();
    try (Stream<Path> old = Files.walk(dir)) {
      old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (NoSuchFileException firstRun) {
      // nothing to clear
    }
    Files.createDirectories(dir);
    byte[] export = SyntheticWxr.export(POSTS, COMMENTS_EACH).getBytes(StandardCharsets.UTF_8);
    try (CrashDrill drill = CrashDrill.create(DbKind.H2, dir)) {
      String admin = drill.staff("importer", Role.ADMIN).username();
      restart(drill, "seed");
      List<Long> before = ImportCrashTest.rows(drill);
      for (int round = 0; round < rounds; round++) {
        // The import screen reports progress in lines: kill after some of them.
        int lines = ThreadLocalRandom.current().nextInt(1, 60);
        int seen = 0;
        try (AppProcess app = drill.start("upload-" + round)) {
          Browser browser = CrashRecoveryTest.loggedIn(app, admin);
          HttpResponse<InputStream> progress =
              browser.send(
                  ImportUploads.request(
                      app, hidden(browser.page("/admin/import"), "_csrf"), export, true),
                  HttpResponse.BodyHandlers.ofInputStream());
          assertEquals(200, progress.statusCode());
          try (BufferedReader in =
              new BufferedReader(new InputStreamReader(progress.body(), StandardCharsets.UTF_8))) {
            while (seen < lines && in.readLine() != null) {
              seen++;
            }
            app.kill();
          }
        }
        System.out.printf("round %d: killed after %d progress lines%n", round, seen);
        restart(drill, "restart-" + round);
        drill.assertCountsAgreeWithRows();
        if (seen < lines) {
          return; // the import finished before the kill
        }
        assertEquals(before, ImportCrashTest.rows(drill), "killed before done, none of it");
      }
    }
  }

  private static void restart(CrashDrill drill, String name) throws IOException {
    try (AppProcess app = drill.start(name, Duration.ofMinutes(10))) {
      app.terminate();
      assertTrue(app.waitFor(Duration.ofSeconds(60)) >= 0, app.everything());
    }
  }
}
