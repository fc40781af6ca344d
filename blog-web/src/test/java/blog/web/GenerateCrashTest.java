package blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.testing.DbKind;
import blog.core.testing.Slow;
import blog.web.testing.AppProcess;
import blog.web.testing.CrashDrill;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code generate} is all or nothing: killed ({@code kill -9}) while it writes comments, or while
 * it builds again the comment indexes it dropped for the bulk load, it leaves nothing behind. On
 * the embedded H2 file it writes into a copy that takes the file's place only when complete; on
 * PostgreSQL it leaves a mark, and the next start of the blog (or the next {@code generate})
 * removes every row it added and builds the indexes again. Either way the comment counts agree with
 * the rows after, and the same generation run again completes.
 */
@Slow
class GenerateCrashTest {
  private static final int POSTS = 300;

  /** Above the threshold given (--rebuild-indexes-from), so that it drops and rebuilds indexes. */
  private static final int COMMENTS = 15_000;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(DbKind.class)
  void generateKilledAnywhereLeavesNothingAndRunsAgain(DbKind kind) {
    try (CrashDrill drill = CrashDrill.create(kind, dir)) {
      try (AppProcess app = drill.start("seed")) {
        app.terminate();
        app.waitFor(Duration.ofSeconds(30));
      }
      Shape before = Shape.of(drill);
      assertTrue(before.comments() > 0 && before.indexes().size() > 3, before.toString());

      // Killed while writing comments: the blog's next start undoes it.
      try (AppProcess generating = generate(drill, "generate-comments")) {
        generating.awaitOutput("comments: ", Duration.ofSeconds(180));
        LockSupport.parkNanos(
            CrashDrill.someMomentBetween(Duration.ZERO, Duration.ofMillis(300)).toNanos());
        generating.kill();
        assertTrue(!generating.output().contains("Added"), generating.everything());
      }
      if (kind == DbKind.H2) {
        // On the embedded file the rows go into a copy that replaces the file only when complete.
        assertEquals(before, Shape.of(drill), "the blog's file is as it was");
      } else {
        assertTrue(
            Shape.of(drill).comments() > before.comments(), "some batches were in before the kill");
      }
      try (AppProcess app = drill.start("after-kill")) {
        app.terminate();
        app.waitFor(Duration.ofSeconds(60));
        if (kind == DbKind.POSTGRES) {
          assertTrue(app.everything().contains("did not finish was undone"), app.everything());
        }
      }
      assertEquals(before, Shape.of(drill), "nothing of the killed generation is left");
      drill.assertCommentCountsAgreeWithRows();

      // Killed while building the dropped indexes again: the next generate undoes it, then runs.
      try (AppProcess generating = generate(drill, "generate-indexes")) {
        generating.awaitOutput("building index", Duration.ofSeconds(300));
        generating.kill();
        assertTrue(!generating.output().contains("Added"), generating.everything());
      }
      assertEquals(before.posts(), Shape.of(drill).posts() - (kind == DbKind.H2 ? 0 : POSTS));
      try (AppProcess generating = generate(drill, "generate-again")) {
        assertEquals(0, generating.waitFor(Duration.ofSeconds(300)), generating.everything());
        if (kind == DbKind.POSTGRES) {
          assertTrue(
              generating.output().contains("undid an earlier generation"), generating.everything());
        }
        assertTrue(
            generating.output().contains("Added " + POSTS + " posts and " + COMMENTS + " comments"),
            generating.everything());
      }
      Shape after = Shape.of(drill);
      assertEquals(before.posts() + POSTS, after.posts(), after.toString());
      assertEquals(before.comments() + COMMENTS, after.comments(), after.toString());
      assertEquals(before.indexes(), after.indexes(), "every comment index is there again");
      drill.assertCommentCountsAgreeWithRows();
    }
  }

  private static AppProcess generate(CrashDrill drill, String name) {
    return AppProcess.command(
        name,
        drill.env(),
        "generate",
        "--posts",
        String.valueOf(POSTS),
        "--comments",
        String.valueOf(COMMENTS),
        "--rebuild-indexes-from",
        "5000");
  }

  /** What a generation adds to: row counts, and the names of the comments table's indexes. */
  private record Shape(long posts, long comments, long terms, long users, List<String> indexes) {
    static Shape of(CrashDrill drill) {
      return drill.query(
          h ->
              new Shape(
                  count(h, "posts"),
                  count(h, "comments"),
                  count(h, "terms"),
                  count(h, "users"),
                  indexes(h.getConnection())));
    }

    private static long count(org.jdbi.v3.core.Handle h, String table) {
      return h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one();
    }

    private static List<String> indexes(Connection c) {
      try {
        DatabaseMetaData meta = c.getMetaData();
        String table = meta.storesUpperCaseIdentifiers() ? "COMMENTS" : "comments";
        TreeSet<String> names = new TreeSet<>();
        try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), c.getSchema(), table, false, false)) {
          while (rs.next()) {
            if (rs.getString("INDEX_NAME") != null) {
              names.add(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
            }
          }
        }
        return List.copyOf(names);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
