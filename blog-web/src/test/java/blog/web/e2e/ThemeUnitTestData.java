package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.PostPaths;
import blog.core.post.PostRepository;
import blog.core.testing.TestDatabase;
import blog.core.wxr.ImportReport;
import blog.core.wxr.WxrImporter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * WordPress's Theme Unit Test data (long words and titles, wide tables, deep threads, every kind of
 * markup), imported into a test's database as the import screen would.
 */
final class ThemeUnitTestData {
  private ThemeUnitTestData() {}

  static void importInto(TestDatabase db) {
    var jdbi = db.database().jdbi();
    WxrImporter importer = WxrImporter.of(db.database(), Clock.systemUTC());
    try (InputStream in =
        ThemeUnitTestData.class.getResourceAsStream("/wxr/theme-unit-test-data.xml")) {
      byte[] data = in.readAllBytes();
      ImportReport report =
          importer.importFrom(
              new ByteArrayInputStream(data), data.length, (read, total, items) -> {});
      assertTrue(report.posts().created() > 50, "the theme's posts are imported: " + report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The path of the imported post with this slug. */
  static String permalink(TestDatabase db, String slug) {
    var post =
        new PostRepository(db.database().jdbi())
            .findVisibleBySlug(slug, Instant.now())
            .orElseThrow();
    return PostPaths.permalink(post, ZoneOffset.UTC);
  }
}
