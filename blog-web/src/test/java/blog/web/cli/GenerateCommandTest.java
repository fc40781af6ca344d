package blog.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.config.Config;
import blog.core.db.Database;
import blog.core.db.DatabaseSettings;
import blog.core.seed.SeedContent;
import blog.core.site.SettingsRepository;
import blog.core.testing.DbKind;
import blog.core.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
  @Test
  void seedsAnEmptyBlogThenAddsTheAskedPostsAndComments() {
    try (TestDatabase db = TestDatabase.createEmpty(DbKind.H2)) {
      Config config =
          Config.of(
              Map.of(
                  "db.url", db.settings().url(),
                  "db.user", db.settings().user(),
                  "db.password", db.settings().password()));
      StringWriter out = new StringWriter();
      CommandLine cli =
          new CommandLine(
              new GenerateCommand(
                  () -> config,
                  Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC)));
      cli.setOut(new PrintWriter(out, true));
      assertEquals(0, cli.execute("--posts", "12", "--comments", "500"), out.toString());
      assertTrue(out.toString().contains("Added 12 posts and 500 comments"), out.toString());
      var jdbi = db.database().jdbi();
      ToIntFunction<String> count =
          sql -> jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
      assertEquals(13, count.applyAsInt("SELECT COUNT(*) FROM posts"));
      assertEquals(
          1,
          count.applyAsInt("SELECT COUNT(*) FROM posts WHERE slug = '" + SeedContent.SLUG + "'"),
          "the seed article is there as on any fresh blog");
      assertEquals(502, count.applyAsInt("SELECT COUNT(*) FROM comments"));

      StringWriter err = new StringWriter();
      cli.setErr(new PrintWriter(err, true));
      assertEquals(2, cli.execute("--posts", "-1"));
      assertTrue(err.toString().contains("must not be negative"), err.toString());
    }
  }

  /**
   * A file no blog has served gets the clean-stop mark from a complete generation (its counts are
   * exact), so the first start does not count every comment again; a file whose last stop was not
   * clean keeps that, and is counted again at its next start.
   */
  @Test
  void aGeneratedFileNeedsNoRecountUnlessItsLastStopWasNotClean(@TempDir Path dir) {
    DatabaseSettings settings =
        new DatabaseSettings("jdbc:h2:file:" + dir.resolve("blog"), "sa", "", 4);
    Config config = Config.of(Map.of("db.url", settings.url(), "db.user", "sa", "db.password", ""));
    CommandLine cli = new CommandLine(new GenerateCommand(() -> config, Clock.systemUTC()));
    assertEquals(0, cli.execute("--posts", "3", "--comments", "30"));
    assertEquals("true", cleanStop(settings));

    try (Database database = Database.open(settings)) {
      new SettingsRepository(database.jdbi()).putAll(Map.of(CLEAN_STOP, "false"));
    }
    assertEquals(0, cli.execute("--posts", "3", "--comments", "30"));
    assertEquals("false", cleanStop(settings), "a crash's mark is left for the next start");
  }

  private static final String CLEAN_STOP = "server.stopped-cleanly";

  private static String cleanStop(DatabaseSettings settings) {
    try (Database database = Database.open(settings)) {
      return new SettingsRepository(database.jdbi()).all().get(CLEAN_STOP);
    }
  }
}
