package blog.core.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import blog.core.comment.CommentStatus;
import blog.core.post.PostStatus;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Comment feeds list approved comments on visible posts, newest first (equal times newest id
 * first), as many as asked: on one post only that post's, site-wide every visible post's.
 */
class FeedCommentRepositoryTest extends DatabaseTestBase {
  private static final Instant START = Instant.parse("2025-05-01T00:00:00Z");
  private static final Instant NOW = START.plusSeconds(3_600);

  private FeedCommentRepository feed;
  private long talked;
  private long quiet;
  private long draft;
  private long future;
  private Fixtures f;

  @Override
  protected void prepare() {
    var jdbi = db.database().jdbi();
    feed = new FeedCommentRepository(jdbi);
    f = new Fixtures(jdbi);
    long author = f.author("Ada");
    talked = f.post(author, "Talked about", PostStatus.PUBLISHED, START);
    quiet = f.post(author, "Quiet", PostStatus.PUBLISHED, START);
    draft = f.post(author, "Draft", PostStatus.DRAFT, null);
    future = f.post(author, "Tomorrow", PostStatus.SCHEDULED, NOW.plusSeconds(86_400));
  }

  private long comment(long post, int second, CommentStatus status) {
    return f.comment(post, null, "Reader", "At " + second, START.plusSeconds(second), status);
  }

  private static List<Long> ids(List<FeedComment> comments) {
    return comments.stream().map(FeedComment::id).toList();
  }

  @Test
  void newestApprovedCommentsFirstOnOnePostAndSiteWide() {
    long first = comment(talked, 10, CommentStatus.APPROVED);
    long tieA = comment(talked, 20, CommentStatus.APPROVED);
    long tieB = comment(talked, 20, CommentStatus.APPROVED);
    long elsewhere = comment(quiet, 25, CommentStatus.APPROVED);
    long reply =
        f.comment(
            talked, first, "Replier", "A reply", START.plusSeconds(30), CommentStatus.APPROVED);
    comment(talked, 40, CommentStatus.PENDING);
    comment(talked, 41, CommentStatus.SPAM);
    comment(talked, 42, CommentStatus.TRASH);
    comment(draft, 50, CommentStatus.APPROVED);
    comment(future, 60, CommentStatus.APPROVED);

    assertEquals(List.of(reply, tieB, tieA, first), ids(feed.latestOn(talked, NOW, 10)));
    assertEquals(List.of(reply, tieB), ids(feed.latestOn(talked, NOW, 2)));
    assertEquals(List.of(elsewhere), ids(feed.latestOn(quiet, NOW, 10)));
    assertEquals(List.of(), ids(feed.latestOn(draft, NOW, 10)));
    assertEquals(List.of(), ids(feed.latestOn(future, NOW, 10)));
    assertEquals(List.of(reply, elsewhere, tieB, tieA, first), ids(feed.latest(NOW, 10)));
    assertEquals(List.of(reply, elsewhere, tieB), ids(feed.latest(NOW, 3)));

    FeedComment top = feed.latest(NOW, 1).get(0);
    assertEquals(talked, top.postId());
    assertEquals("Talked about", top.postTitle());
    assertEquals("Replier", top.authorName());
    assertEquals(START.plusSeconds(30), top.createdAt());
  }
}
