package blog.core.comment;

import java.time.Instant;

/** A comment ready to be stored: already validated, rendered and given a status by the server. */
public record CommentDraft(
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
    String submissionKey) {}
