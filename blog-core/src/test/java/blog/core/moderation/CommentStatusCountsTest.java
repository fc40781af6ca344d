package blog.core.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import blog.core.comment.CommentStatus;
import blog.core.post.PostStatus;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The whole blog's comment counts per status are kept by the database (triggers, table
 * comment_status_counts): they must always equal counting the comments, through every way a
 * comment's status changes.
 */
class CommentStatusCountsTest extends DatabaseTestBase {
  private static final Instant AT = Instant.parse("2024-06-01T12:00:00Z");
  private Jdbi jdbi;
  private Fixtures fixtures;
  private QueueRepository queue;
  private long author;

  @Override
  protected void prepare() {
    jdbi = db.database().jdbi();
    fixtures = new Fixtures(jdbi);
    queue = new QueueRepository(jdbi);
    author = fixtures.author("Counted");
  }

  private Map<CommentStatus, Integer> counted() {
    Map<CommentStatus, Integer> truth = new EnumMap<>(CommentStatus.class);
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT status, COUNT(*) AS n FROM comments GROUP BY status")
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getInt("n")))
                .forEach(e -> truth.put(CommentStatus.fromDb(e.getKey()), e.getValue())));
    return truth;
  }

  private void assertKept() {
    Map<CommentStatus, Integer> kept = new EnumMap<>(queue.counts(null, null));
    kept.values().removeIf(n -> n == 0);
    assertEquals(counted(), kept);
  }

  private void execute(String sql, long id) {
    jdbi.useHandle(h -> h.createUpdate(sql).bind("id", id).execute());
  }

  @Test
  void insertsModerationAndDeletionsKeepTheCountsExact() {
    long post = fixtures.post(author, Fixtures.unique("Counts"), PostStatus.PUBLISHED, AT);
    long a = fixtures.comment(post, null, "A", "one", AT);
    long b = fixtures.comment(post, a, "B", "two", AT, CommentStatus.PENDING);
    long c = fixtures.comment(post, null, "C", "three", AT, CommentStatus.SPAM);
    assertKept();
    fixtures.approve(b);
    assertKept();
    execute("UPDATE comments SET status = 'trash' WHERE id = :id", c);
    execute("UPDATE comments SET author_name = 'Renamed' WHERE id = :id", a);
    assertKept();
    execute("DELETE FROM comments WHERE id = :id", c);
    assertKept();
    // Many rows in one statement, and back.
    execute("UPDATE comments SET status = 'spam' WHERE post_id = :id", post);
    assertKept();
    execute("UPDATE comments SET status = 'pending' WHERE post_id = :id", post);
    assertKept();
  }

  @Test
  void deletingAPostTakesItsCommentsOffTheCounts() {
    long post = fixtures.post(author, Fixtures.unique("Gone"), PostStatus.PUBLISHED, AT);
    fixtures.comment(post, null, "A", "one", AT);
    fixtures.comment(post, null, "B", "two", AT, CommentStatus.PENDING);
    assertKept();
    execute("DELETE FROM posts WHERE id = :id", post);
    assertKept();
  }

  @Test
  void concurrentWritersLoseNoCount() throws Exception {
    long post = fixtures.post(author, Fixtures.unique("Busy"), PostStatus.PUBLISHED, AT);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int writer = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    long id =
                        fixtures.comment(
                            post, null, "W" + writer, "n" + i, AT, CommentStatus.PENDING);
                    if (i % 2 == 0) {
                      fixtures.approve(id);
                    }
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertKept();
  }
}
