package blog.core.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import blog.core.post.PostStatus;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The approved comments of each post as triggers keep them in post_comment_counts: always what
 * counting the comments says, through every change a comment goes through and with writers at once.
 */
class CommentCountsByPostTest extends DatabaseTestBase {
  private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

  private CommentRepository comments;
  private Fixtures fixtures;
  private long author;

  @Override
  protected void prepare() {
    comments = new CommentRepository(db.database().jdbi());
    fixtures = new Fixtures(db.database().jdbi());
    author = fixtures.author("Counted");
  }

  private long post(String title) {
    return fixtures.post(author, Fixtures.unique(title), PostStatus.PUBLISHED, T);
  }

  private int kept(long post) {
    return comments.approvedCounts(Set.of(post)).getOrDefault(post, 0);
  }

  private int counted(long post) {
    return db.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT COUNT(*) FROM comments WHERE status = 'approved' AND post_id = :p")
                    .bind("p", post)
                    .mapTo(Integer.class)
                    .one());
  }

  private void sql(String statement) {
    db.database().jdbi().useHandle(h -> h.execute(statement));
  }

  private void assertKept(long post, int expected, String message) {
    assertEquals(expected, counted(post), message + " (counted)");
    assertEquals(expected, kept(post), message);
  }

  @Test
  void theCountFollowsEveryChangeOfAComment() {
    long here = post("Here");
    long there = post("There");
    assertKept(here, 0, "no comment yet");
    long a = fixtures.comment(here, null, "A", "approved", T);
    long held = fixtures.comment(here, null, "H", "held", T, CommentStatus.PENDING);
    fixtures.comment(here, a, "R", "a reply", T);
    assertKept(here, 2, "approved ones only");

    fixtures.approve(held);
    assertKept(here, 3, "an approval counts");
    sql("UPDATE comments SET status = 'trash' WHERE id = " + a);
    assertKept(here, 2, "a trashed comment does not");
    sql("UPDATE comments SET body_html = '<p>edited</p>' WHERE id = " + held);
    assertKept(here, 2, "an edit changes nothing");

    sql("UPDATE comments SET post_id = " + there + " WHERE id = " + held);
    assertKept(here, 1, "a comment moved away");
    assertKept(there, 1, "arrives on the other post");

    sql("DELETE FROM comments WHERE post_id = " + here);
    assertKept(here, 0, "deleted comments do not count");
    sql("DELETE FROM posts WHERE id = " + there);
    assertKept(there, 0, "nor those of a deleted post");
  }

  @Test
  void writersAtOnceAreAllCounted() throws Exception {
    long busy = post("Busy");
    ExecutorService writers = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        int writer = w;
        done.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < 40; i++) {
                    long id =
                        fixtures.comment(
                            busy,
                            null,
                            "Writer " + writer,
                            "Comment " + writer + "." + i,
                            T,
                            i % 4 == 0 ? CommentStatus.PENDING : CommentStatus.APPROVED);
                    if (i % 8 == 0) {
                      fixtures.approve(id);
                    }
                  }
                },
                writers));
      }
      done.forEach(CompletableFuture::join);
    } finally {
      writers.shutdownNow();
    }
    // Per writer: 30 approved as written, and 5 of the 10 held ones approved after.
    assertKept(busy, 8 * 35, "every writer's comments");
  }
}
