package blog.core.comment;

import java.time.Instant;

/**
 * Where a thread's first comment stands among a post's thread starts (time, then id): a keyset
 * position.
 */
public record ThreadKey(Instant createdAt, long id) {
  public static ThreadKey of(Comment start) {
    return new ThreadKey(start.createdAt(), start.id());
  }
}
