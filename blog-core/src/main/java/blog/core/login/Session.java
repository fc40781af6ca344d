package blog.core.login;

import java.time.Instant;

/** A signed-in browser: an admin/author ({@code userId}) or a commenter ({@code identityId}). */
public record Session(
    String idHash,
    Long userId,
    Long identityId,
    Instant createdAt,
    Instant lastSeenAt,
    Instant expiresAt,
    long idleSeconds) {

  /** Alive at {@code now}: before its absolute end, and used recently enough. */
  public boolean isLiveAt(Instant now) {
    return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plusSeconds(idleSeconds));
  }
}
