package blog.core.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import blog.core.post.PostStatus;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommentRepositoryTest extends DatabaseTestBase {
  private static final Instant T = Instant.parse("2020-05-01T10:00:00Z");
  private CommentRepository comments;
  private Fixtures fixtures;
  private long author;

  @Override
  protected void prepare() {
    comments = new CommentRepository(db.database().jdbi());
    fixtures = new Fixtures(db.database().jdbi());
    author = fixtures.author("Grace");
  }

  @Test
  void approvedCommentsListOldestFirstAndOthersStayOut() {
    long post = fixtures.post(author, "Thread", PostStatus.PUBLISHED, T);
    long second = fixtures.comment(post, null, "B", "second", T.plusSeconds(20));
    long first = fixtures.comment(post, null, "A", "first", T.plusSeconds(10));
    fixtures.comment(post, null, "H", "held", T.plusSeconds(30), CommentStatus.PENDING);
    fixtures.comment(post, null, "S", "spam", T.plusSeconds(40), CommentStatus.SPAM);
    long reply = fixtures.comment(post, first, "C", "reply", T.plusSeconds(50));

    List<Comment> approved = comments.listApproved(post);
    assertEquals(List.of(first, second, reply), approved.stream().map(Comment::id).toList());
    assertEquals(first, approved.get(2).parentId());
    assertNull(approved.get(0).parentId());
    assertEquals(T.plusSeconds(10), approved.get(0).createdAt());
    assertEquals(Map.of(post, 3), comments.approvedCounts(List.of(post)));
  }

  @Test
  void storedCommentKeepsModerationDetails() {
    long post = fixtures.post(author, "Details", PostStatus.PUBLISHED, T);
    long id =
        comments.insert(
            new CommentDraft(
                post,
                null,
                "Eve",
                "eve@example.org",
                "https://eve.example",
                null,
                null,
                "Hi <b>there</b>",
                "<p>Hi &lt;b&gt;there&lt;/b&gt;</p>",
                CommentStatus.PENDING,
                "first comment",
                T,
                "192.0.2.7",
                "Mozilla/5.0",
                null));
    Comment c = comments.findById(id).orElseThrow();
    assertEquals("eve@example.org", c.authorEmail());
    assertEquals("first comment", c.heldReason());
    assertEquals("192.0.2.7", c.clientIp());
    assertEquals(CommentStatus.PENDING, c.status());
    assertEquals(Map.of(), comments.approvedCounts(List.of(post)));
  }
}
