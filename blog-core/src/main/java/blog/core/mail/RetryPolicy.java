package blog.core.mail;

import java.time.Duration;

/**
 * How often and how patiently a mail is tried: after failed attempt n the next one waits {@code
 * firstDelay × 2^(n-1)}, at most {@code maxDelay}; after {@code maxAttempts} the mail is failed.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {
  public static final Duration FIRST_DELAY = Duration.ofSeconds(30);
  public static final Duration MAX_DELAY = Duration.ofHours(1);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("delays must be positive and firstDelay <= maxDelay");
    }
  }

  /** 30 s, 1 min, 2 min, … up to 1 h between attempts. */
  public static RetryPolicy exponential(int maxAttempts) {
    return new RetryPolicy(maxAttempts, FIRST_DELAY, MAX_DELAY);
  }

  public static RetryPolicy from(MailSettings settings) {
    return exponential(settings.maxAttempts());
  }

  /** Whether a mail that has failed {@code attempts} times may be tried again. */
  public boolean allowsRetryAfter(int attempts) {
    return attempts < maxAttempts;
  }

  /** How long to wait after the {@code attempts}-th failed attempt (1 for the first). */
  public Duration delayAfter(int attempts) {
    Duration delay = firstDelay;
    for (int i = 1; i < attempts && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) < 0 ? delay : maxDelay;
  }
}
