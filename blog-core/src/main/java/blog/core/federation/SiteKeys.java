package blog.core.federation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The site's key as this instance signs with it and publishes it: made on first use, then kept and
 * read again from the database every {@link #RECHECK}, so a key rotated on another instance is used
 * here within that time (and at once on the instance that rotated it).
 */
public final class SiteKeys implements Supplier<SiteKey> {
  static final Duration RECHECK = Duration.ofMinutes(1);

  private final KeyRepository keys;
  private final SecureRandom random;
  private final Clock clock;
  private SiteKey kept;
  private Instant readAt;

  public SiteKeys(KeyRepository keys, SecureRandom random, Clock clock) {
    this.keys = keys;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public synchronized SiteKey get() {
    Instant now = clock.instant();
    if (kept == null || !now.isBefore(readAt.plus(RECHECK))) {
      kept = keys.current(random, now);
      readAt = now;
    }
    return kept;
  }

  /** Reads the key again at the next use. */
  synchronized void forget() {
    kept = null;
  }
}
