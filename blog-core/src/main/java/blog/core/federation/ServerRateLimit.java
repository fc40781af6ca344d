package blog.core.federation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} activities per remote server in each window of {@code window}, counted in
 * this instance's memory (several instances each allow as many). Checked at the inbox's door before
 * anything is fetched, so a flood from one server costs the blog little and others not at all.
 */
public final class ServerRateLimit {
  /** Generous for a blog: a busy server's replies and follows come a few a minute. */
  public static final int DEFAULT_LIMIT = 300;

  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

  /** Past this many servers counted, windows that ended are dropped. */
  private static final int TIDY_AT = 10_000;

  private record Window(Instant start, int count) {}

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  public ServerRateLimit(int limit, Duration window, Clock clock) {
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /** Counts one activity from {@code domain}; {@link Refused} (429) past the limit. */
  public void count(String domain) {
    Instant now = clock.instant();
    if (windows.size() > TIDY_AT) {
      windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
    }
    Window counted =
        windows.compute(
            domain,
            (d, w) ->
                w == null || !now.isBefore(w.start().plus(window))
                    ? new Window(now, 1)
                    : new Window(w.start(), w.count() + 1));
    if (counted.count() > limit) {
      throw new Refused(429, "too many activities from " + domain + "; try again later");
    }
  }
}
