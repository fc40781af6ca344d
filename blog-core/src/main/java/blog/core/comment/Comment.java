package blog.core.comment;

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
}
