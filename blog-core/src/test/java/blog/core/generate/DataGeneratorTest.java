package blog.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.change.ContentVersionRepository;
import blog.core.change.ContentVersions;
import blog.core.comment.CommentRenderer;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentStatus;
import blog.core.identity.UserRepository;
import blog.core.moderation.QueueRepository;
import blog.core.testing.DatabaseTestBase;
import blog.core.text.MarkdownRenderer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class DataGeneratorTest extends DatabaseTestBase {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  private DataGenerator generator() {
    Jdbi jdbi = db.database().jdbi();
    return new DataGenerator(
        new BulkRepository(jdbi),
        new UserRepository(jdbi),
        new MarkdownRenderer(),
        new CommentRenderer());
  }

  private long count(String sql) {
    return db.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Test
  void addsExactlyTheAskedNumbersWithThreadsInsideTheirPostsAndWorkingIds() {
    long postsBefore = count("SELECT COUNT(*) FROM posts");
    long commentsBefore = count("SELECT COUNT(*) FROM comments");
    long repliesBefore = count("SELECT COUNT(*) FROM comments WHERE parent_id IS NOT NULL");
    long approvedBefore = count("SELECT COUNT(*) FROM comments WHERE status = 'approved'");
    List<String> progress = new ArrayList<>();
    DataGenerator.Generated made =
        generator().generate(30, 12_345, 7, NOW, (what, done, total) -> progress.add(what + done));

    assertEquals(30, made.posts());
    assertEquals(12_345, made.comments());
    assertEquals(postsBefore + 30, count("SELECT COUNT(*) FROM posts"));
    assertEquals(commentsBefore + 12_345, count("SELECT COUNT(*) FROM comments"));
    assertTrue(progress.contains("comments12345"), progress.toString());
    assertTrue(made.replies() > 12_345 / 5, "about a third are replies: " + made.replies());
    assertEquals(
        repliesBefore + made.replies(),
        count("SELECT COUNT(*) FROM comments WHERE parent_id IS NOT NULL"));
    assertEquals(
        0,
        count(
            """
            SELECT COUNT(*) FROM comments c JOIN comments p ON p.id = c.parent_id
            WHERE p.post_id <> c.post_id OR p.created_at > c.created_at
            """),
        "a reply belongs to its parent's post and comes after it");
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM comments c JOIN posts p ON p.id = c.post_id"
                + " WHERE c.created_at < p.published_at OR c.created_at > TIMESTAMP WITH TIME ZONE '2026-06-01"
                + " 12:00:00+00'"),
        "comments fall between their post and now");
    long approved =
        count("SELECT COUNT(*) FROM comments WHERE status = 'approved'") - approvedBefore;
    assertTrue(approved > 12_345 * 9 / 10 && approved < 12_345, "mostly approved: " + approved);
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM comments WHERE status = 'approved' AND approved_at IS NULL"
                + " OR status <> 'approved' AND approved_at IS NOT NULL"));
    long mostDiscussed =
        count("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM comments GROUP BY post_id) t");
    assertTrue(mostDiscussed > 12_345 / 30 * 3 / 2, "a long tail: " + mostDiscussed);

    // The identity columns moved past the generated ids: ordinary inserts still work.
    db.database()
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO comments (post_id, author_name, body_source, body_html, status,"
                        + " created_at) SELECT MIN(id), 'After', 'x', '<p>x</p>', 'approved',"
                        + " CURRENT_TIMESTAMP FROM posts"));
    // All generated posts are published and visible now.
    assertEquals(
        postsBefore + 30,
        count(
            "SELECT COUNT(*) FROM posts WHERE status = 'published' AND published_at <= "
                + "TIMESTAMP WITH TIME ZONE '2026-06-01 12:00:00+00'"));
  }

  @Test
  void runningTwiceAddsMoreWithoutCollisions() {
    long before = count("SELECT COUNT(*) FROM comments");
    generator().generate(3, 100, 1, NOW, (what, done, total) -> {});
    generator().generate(3, 100, 1, NOW, (what, done, total) -> {});
    assertEquals(before + 200, count("SELECT COUNT(*) FROM comments"));
    assertEquals(
        0,
        count("SELECT COUNT(*) FROM (SELECT slug FROM posts GROUP BY slug HAVING COUNT(*) > 1) d"));
  }

  @Test
  void aBulkLoadBuildsTheRandomOrderCommentIndexesAfterTheRowsAndTheSameOnesAgain() {
    Jdbi jdbi = db.database().jdbi();
    BulkRepository bulk = new BulkRepository(jdbi);
    List<BulkRepository.Index> before = bulk.plainIndexes("comments");
    assertTrue(before.size() >= 4, "the comment indexes are seen: " + before);
    List<String> rebuilt = new ArrayList<>();
    new DataGenerator(
            bulk, new UserRepository(jdbi), new MarkdownRenderer(), new CommentRenderer(), 1)
        .generate(
            4,
            300,
            5,
            NOW,
            (what, done, total) -> {
              if (what.startsWith("building index ")) {
                rebuilt.add(what);
              }
            });
    // The email index gains its entries at random places: built after; those led by the post, the
    // status and time, the parent or the address grow at a few places: kept up.
    assertEquals(List.of("building index comments_email_status_idx"), rebuilt);
    assertEquals(
        new java.util.HashSet<>(before), new java.util.HashSet<>(bulk.plainIndexes("comments")));
  }

  @Test
  void aGenerationThatFailsHalfWayIsUndoneAndAMarkLeftBehindIsUndoneBeforeTheNext() {
    Jdbi jdbi = db.database().jdbi();
    BulkRepository bulk = new BulkRepository(jdbi);
    List<String> sums =
        List.of(
            "SELECT COUNT(*) FROM posts",
            "SELECT COUNT(*) FROM comments",
            "SELECT COUNT(*) FROM post_terms",
            "SELECT COALESCE(SUM(n), 0) FROM comment_status_counts",
            "SELECT COALESCE(SUM(approved), 0) FROM post_comment_counts");
    List<Long> before = sums.stream().map(this::count).toList();
    List<BulkRepository.Index> indexes = bulk.plainIndexes("comments");
    DataGenerator generator =
        new DataGenerator(
            bulk, new UserRepository(jdbi), new MarkdownRenderer(), new CommentRenderer(), 1);
    IllegalStateException failed =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class,
            () ->
                generator.generate(
                    5,
                    25_000,
                    3,
                    NOW,
                    (what, done, total) -> {
                      if (what.equals("comments") && done >= 20_000) {
                        throw new IllegalStateException("the disk is full");
                      }
                    }));
    assertEquals("the disk is full", failed.getMessage());
    assertEquals(before, sums.stream().map(this::count).toList(), "nothing of it is left");
    assertEquals(
        new java.util.HashSet<>(indexes), new java.util.HashSet<>(bulk.plainIndexes("comments")));

    // A mark as a killed process leaves it: rows added after it, an index dropped.
    long firstComment = count("SELECT MAX(id) FROM comments");
    generator.generate(2, 500, 4, NOW, (what, done, total) -> {});
    BulkRepository.Index email =
        indexes.stream()
            .filter(i -> i.name().toLowerCase(java.util.Locale.ROOT).contains("email"))
            .findFirst()
            .orElseThrow();
    bulk.mark(
        new GenerationMark(
            count("SELECT MAX(id) FROM users"),
            count("SELECT MAX(id) FROM terms"),
            before.get(0) == 0 ? 0 : count("SELECT MAX(id) FROM posts") - 2,
            firstComment,
            List.of(email)));
    bulk.dropIndex(email);
    List<String> progress = new ArrayList<>();
    generator.generate(1, 10, 5, NOW, (what, done, total) -> progress.add(what));
    assertTrue(progress.contains("undid an earlier generation that did not finish"), "" + progress);
    assertEquals(before.get(0) + 1, count("SELECT COUNT(*) FROM posts"));
    assertEquals(before.get(1) + 10, count("SELECT COUNT(*) FROM comments"));
    assertEquals(
        new java.util.HashSet<>(indexes), new java.util.HashSet<>(bulk.plainIndexes("comments")));
    assertTrue(bulk.unfinished().isEmpty(), "the mark is gone once it is complete");
  }

  @Test
  void theQueueCountsAndTheContentVersionFollowTheGeneratedRows() {
    Jdbi jdbi = db.database().jdbi();
    ContentVersions before = new ContentVersionRepository(jdbi).readAll();
    generator().generate(5, 2_000, 11, NOW, (what, done, total) -> {});
    // The bookkeeping H2's triggers skip during a bulk load is done once after it (PostgreSQL's
    // triggers keep it row by row): either way it matches the rows.
    Map<CommentStatus, Integer> kept = new QueueRepository(jdbi).counts(null, null);
    for (CommentStatus status : CommentStatus.values()) {
      long actual =
          count("SELECT COUNT(*) FROM comments WHERE status = '" + status.dbValue() + "'");
      assertEquals(actual, kept.getOrDefault(status, 0).longValue(), status.toString());
    }
    List<Long> posts =
        jdbi.withHandle(h -> h.createQuery("SELECT id FROM posts").mapTo(Long.class).list());
    Map<Long, Integer> perPost = new CommentRepository(jdbi).approvedCounts(posts);
    for (long post : posts) {
      long actual =
          count("SELECT COUNT(*) FROM comments WHERE status = 'approved' AND post_id = " + post);
      assertEquals(actual, perPost.getOrDefault(post, 0).longValue(), "approved on " + post);
    }
    ContentVersions after = new ContentVersionRepository(jdbi).readAll();
    assertTrue(after.all() > before.all(), "pages kept from before are stale");
    assertTrue(after.listing() > before.listing(), "listings kept from before are stale");

    // And an ordinary comment written after the load is counted again as it is written.
    int pendingBefore = kept.getOrDefault(CommentStatus.PENDING, 0);
    jdbi.useHandle(
        h ->
            h.execute(
                "INSERT INTO comments (post_id, author_name, body_source, body_html, status,"
                    + " created_at) SELECT MIN(id), 'After', 'x', '<p>x</p>', 'pending',"
                    + " CURRENT_TIMESTAMP FROM posts"));
    assertEquals(
        pendingBefore + 1,
        new QueueRepository(jdbi).counts(null, null).get(CommentStatus.PENDING).intValue());
  }

  @Test
  void commentCountsAddUpAndLeanOnFewPosts() {
    long[] counts = DataGenerator.commentCounts(1000, 1_000_000, new Random(3));
    long sum = 0;
    long max = 0;
    for (long c : counts) {
      sum += c;
      max = Math.max(max, c);
    }
    assertEquals(1_000_000, sum);
    assertTrue(max > 10 * 1000, "the most discussed post draws far more than the average");
  }
}
