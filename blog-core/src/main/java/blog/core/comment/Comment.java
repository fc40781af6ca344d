package blog.core.comment;

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
    String userAgent) {}
