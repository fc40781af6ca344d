package blog.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentRepository;
import blog.core.post.Listing;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.testing.DbKind;
import blog.core.testing.EachDatabase;
import blog.core.testing.TestDatabase;
import blog.migrations.Migrations;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * A blog with posts, categories and comments as an older release left it (migration 14, before the
 * content-version and counting triggers) upgrades on H2 and PostgreSQL to the newest schema, and
 * what the later migrations derive from its rows is right: each post's approved comments (V23) and
 * its links' dates (V24), by which its archives list it.
 */
class UpgradeWithDataTest {
  private static final Instant OLD = Instant.parse("2019-03-04T05:06:07Z");
  private static final Instant NEW = Instant.parse("2021-08-09T10:11:12Z");

  @EachDatabase
  void anOlderBlogUpgradesWithItsCountsAndArchivesRight(DbKind kind) {
    try (TestDatabase db = TestDatabase.createEmpty(kind)) {
      Migrations.migrateTo(db.database().dataSource(), "14");
      long[] ids =
          db.database()
              .jdbi()
              .withHandle(
                  h -> {
                    h.execute(
                        "INSERT INTO users (username, display_name, role, created_at)"
                            + " VALUES ('old', 'Old', 'author', ?)",
                        at(OLD));
                    long author = h.select("SELECT id FROM users").mapTo(Long.class).one();
                    long older = post(h, author, "older", "published", OLD);
                    long newer = post(h, author, "newer", "published", NEW);
                    long draft = post(h, author, "draft", "draft", null);
                    h.execute(
                        "INSERT INTO terms (taxonomy, slug, name) VALUES ('tag', 'kept', 'Kept')");
                    long id = h.select("SELECT id FROM terms").mapTo(Long.class).one();
                    for (long post : List.of(older, newer, draft)) {
                      h.execute(
                          "INSERT INTO post_terms (post_id, term_id) VALUES (?, ?)", post, id);
                    }
                    long root = comment(h, newer, null, "approved");
                    comment(h, newer, root, "approved");
                    comment(h, newer, root, "pending");
                    comment(h, newer, null, "spam");
                    comment(h, older, null, "approved");
                    return new long[] {id, older, newer, draft};
                  });

      assertTrue(Migrations.migrate(db.database().dataSource()) >= 10);
      assertTrue(Migrations.upToDate(db.database().dataSource()));
      Map<Long, Integer> approved =
          new CommentRepository(db.database().jdbi())
              .approvedCounts(Set.of(ids[1], ids[2], ids[3]));
      assertEquals(Map.of(ids[1], 1, ids[2], 2), approved, "approved comments per post, from V23");

      Map<String, Instant> dates =
          db.database()
              .jdbi()
              .withHandle(
                  h ->
                      h.select(
                              "SELECT p.slug, pt.published_at FROM post_terms pt"
                                  + " JOIN posts p ON p.id = pt.post_id")
                          .reduceRows(
                              new HashMap<String, Instant>(),
                              (map, row) -> {
                                OffsetDateTime at =
                                    row.getColumn("published_at", OffsetDateTime.class);
                                map.put(
                                    row.getColumn("slug", String.class),
                                    at == null ? null : at.toInstant());
                                return map;
                              }));
      assertEquals(OLD, dates.get("older"));
      assertEquals(NEW, dates.get("newer"));
      assertEquals(null, dates.get("draft"));
      assertEquals(3, dates.size());
      assertEquals(
          List.of("newer", "older"),
          new PostRepository(db.database().jdbi())
                  .list(new Listing.OfTerm(ids[0]), Instant.parse("2026-01-01T00:00:00Z"), 10, 0)
                  .stream()
                  .map(Post::slug)
                  .toList());
    }
  }

  private static long post(Handle h, long author, String slug, String status, Instant published) {
    h.execute(
        "INSERT INTO posts (slug, title, body_markdown, body_html, status, author_id,"
            + " published_at, created_at, updated_at) VALUES (?, ?, '', '', ?, ?, ?, ?, ?)",
        slug,
        slug,
        status,
        author,
        at(published),
        at(OLD),
        at(OLD));
    return h.select("SELECT id FROM posts WHERE slug = ?", slug).mapTo(Long.class).one();
  }

  private static long comment(Handle h, long post, Long parent, String status) {
    h.execute(
        "INSERT INTO comments (post_id, parent_id, author_name, body_source, body_html, status,"
            + " created_at) VALUES (?, ?, 'Reader', 'Hi', '<p>Hi</p>', ?, ?)",
        post,
        parent,
        status,
        at(NEW));
    return h.select("SELECT MAX(id) FROM comments").mapTo(Long.class).one();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
