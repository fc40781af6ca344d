package blog.core.webmention;

import java.time.Instant;

/**
 * A received mention as stored: its source and target, the post it is about, and what the last
 * verification found ({@code status}: pending, accepted, refused or deleted; {@code kind} and the
 * comment it became once accepted; {@code reason} when refused or deleted).
 */
public record Mention(
    long id,
    String source,
    String target,
    long postId,
    String sourceHost,
    String status,
    MentionKind kind,
    Long commentId,
    String authorName,
    String authorUrl,
    String published,
    String reason,
    Instant receivedAt,
    Instant checkedAt) {
  public static final String PENDING = "pending";
  public static final String ACCEPTED = "accepted";
  public static final String REFUSED = "refused";
  public static final String DELETED = "deleted";

  public java.util.Optional<Long> commentIdOptional() {
    return java.util.Optional.ofNullable(commentId);
  }
}
