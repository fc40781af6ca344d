package blog.core.comment;

import blog.core.post.Post;
import java.time.Duration;
import java.time.Instant;

/**
 * A stored comment. {@code authorEmail}, {@code clientIp} and {@code userAgent} are for moderators
 * only and must never reach a public page.
 */
public record Comment(
    long id,
    long postId,
    Long parentId,
    String authorName,
    String authorEmail,
    String authorUrl,
    Long identityId,
    Long userId,
    String bodySource,
    String bodyHtml,
    CommentStatus status,
    String heldReason,
    Instant createdAt,
    String clientIp,
    String userAgent,
    Instant editedAt) {

  /** Whether its author may still change it: within {@code window} of posting, not binned. */
  public boolean editableAt(Instant now, Duration window) {
    return (status == CommentStatus.APPROVED || status == CommentStatus.PENDING)
        && now.isBefore(createdAt.plus(window));
  }

  /** Written by a staff account (a moderator's reply), not by a guest or a signed-in commenter. */
  public boolean isByStaff() {
    return userId != null;
  }

  /** The post's author answering on their own post, which pages may mark as such. */
  public boolean isByPostAuthor(Post post) {
    return userId != null && userId == post.authorId() && postId == post.id();
  }
}
