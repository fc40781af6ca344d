package blog.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.config.Config;
import blog.core.seed.SeedContent;
import blog.core.testing.DbKind;
import blog.core.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
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
}
