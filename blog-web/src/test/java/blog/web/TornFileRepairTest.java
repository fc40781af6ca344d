package blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.config.Config;
import blog.core.db.Database;
import blog.core.db.DatabaseSettings;
import blog.core.testing.CommentCounts;
import blog.core.testing.H2Indexes;
import blog.migrations.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An embedded file found with an import cut off is written anew from its rows before the blog uses
 * it (what a torn file needs: ImportKillDrill makes real ones); the rows, identity counters and
 * triggers come through, and the file as it was is kept beside it. A file with no import cut off is
 * opened as it is.
 */
class TornFileRepairTest {
  @TempDir Path dir;

  @Test
  void aFileWithAnImportCutOffIsWrittenAnewKeepingEveryRow() {
    DatabaseSettings settings =
        new DatabaseSettings("jdbc:h2:file:" + dir.resolve("blog"), "sa", "", 4);
    Config config = Config.of(Map.of("db.url", settings.url(), "db.user", "sa", "db.password", ""));
    assertEquals(
        0,
        new CommandLine(new GenerateCommand(() -> config, Clock.systemUTC()))
            .execute("--posts", "5", "--comments", "60"));
    List<Long> before;
    try (Database database = Database.open(settings)) {
      before = counts(database);
    }
    try (Database database = TornFileRepair.open(settings)) {
      assertEquals(before, counts(database), "nothing to repair: the file as it is");
      database
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "INSERT INTO wxr_imports (started_at, alive_at)"
                          + " VALUES (CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
    }
    Path aside = dir.resolve("blog.before-rebuild.mv.db");
    assertFalse(Files.exists(aside));
    try (Database database = TornFileRepair.open(settings)) {
      assertTrue(Files.exists(aside), "the file as it was, kept");
      assertEquals(before, counts(database), "every row came through");
      assertTrue(DataTools.importer(database, Clock.systemUTC()).anyUnfinished(), "to undo next");
      H2Indexes.assertAgreeWithRows(database.jdbi());
      assertEquals(0, Migrations.migrate(database.dataSource()), "its migrations came through");
      // Identity counters and triggers came through: a new comment gets a new id and is counted.
      database
          .jdbi()
          .useHandle(
              h -> {
                long post = h.createQuery("SELECT MIN(id) FROM posts").mapTo(Long.class).one();
                h.createUpdate(
                        "INSERT INTO comments (post_id, author_name, body_source, body_html,"
                            + " status, created_at) VALUES (:post, 'Ann', 'Hi', '<p>Hi</p>',"
                            + " 'approved', CURRENT_TIMESTAMP)")
                    .bind("post", post)
                    .execute();
              });
      assertEquals(
          before.get(1) + 1,
          CommentCounts.assertAgreeWithRows(database.jdbi()).values().stream()
              .mapToLong(Long::longValue)
              .sum());
    }
  }

  private static List<Long> counts(Database database) {
    return database
        .jdbi()
        .withHandle(
            h ->
                List.of(
                    h.createQuery("SELECT COUNT(*) FROM posts").mapTo(Long.class).one(),
                    h.createQuery("SELECT COUNT(*) FROM comments").mapTo(Long.class).one()));
  }
}
