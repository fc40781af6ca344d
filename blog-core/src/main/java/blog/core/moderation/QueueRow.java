package blog.core.moderation;

import blog.core.comment.CommentStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * A comment as a moderator sees it in the queue: who wrote it and from where, on which post, why it
 * was held, and its text both as typed and as rendered. For staff screens only: it carries the
 * email, IP address and user agent that public pages never show.
 *
 * <p>{@code identityProvider} and {@code identityName} are set when the comment came through a
 * third-party log-in; {@code userId} when a staff account wrote it. {@code bodyHtml} is sanitised.
 * {@code inReplyTo} names the comment a reply answers; null for a comment that starts a thread.
 */
public record QueueRow(
    long id,
    long postId,
    String postTitle,
    long postAuthorId,
    Long parentId,
    String authorName,
    String authorEmail,
    String authorUrl,
    String clientIp,
    String userAgent,
    String identityProvider,
    String identityName,
    Long userId,
    Instant createdAt,
    Instant editedAt,
    CommentStatus status,
    String heldReason,
    String bodySource,
    String bodyHtml,
    InReplyTo inReplyTo) {

  /** Whether this comment answers another. */
  public Optional<InReplyTo> replyTo() {
    return Optional.ofNullable(inReplyTo);
  }

  public QueueCursor cursor() {
    return new QueueCursor(createdAt, id);
  }

  public boolean isByPostAuthor() {
    return userId != null && userId == postAuthorId;
  }
}
