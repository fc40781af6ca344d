package blog.core.login;

import blog.core.db.Times;
import blog.core.db.UniqueViolations;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Counts failed log-ins per key (an account, a client address) in the database, so every instance
 * sees the same counts. After {@code limit} failures within {@code window} the key is blocked for
 * {@code block}; a success clears it.
 */
public final class LoginThrottleRepository {
  /** One throttle: how many failures in what time block for how long. */
  public record Rule(int limit, Duration window, Duration block) {}

  private final Jdbi jdbi;

  public LoginThrottleRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** When the key may try again, if it is blocked now. */
  public Optional<Instant> blockedUntil(String key, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT blocked_until FROM login_throttle WHERE throttle_key = :k")
                .bind("k", key)
                .map((rs, ctx) -> Times.instant(rs, "blocked_until"))
                .findOne()
                .flatMap(Optional::ofNullable)
                .filter(until -> until.isAfter(now)));
  }

  /**
   * Counts a failure. Two instances counting a key's first failure at once both insert; the loser
   * of that race counts again, now as an update.
   */
  public void failed(String key, Rule rule, Instant now) {
    try {
      count(key, rule, now);
    } catch (RuntimeException e) {
      if (!UniqueViolations.isUniqueViolation(e)) {
        throw e;
      }
      count(key, rule, now);
    }
  }

  private void count(String key, Rule rule, Instant now) {
    jdbi.useTransaction(
        h -> {
          int updated =
              h.createUpdate(
                      """
                      UPDATE login_throttle SET
                        failures = CASE WHEN window_started_at < :windowStart THEN 1
                                        ELSE failures + 1 END,
                        window_started_at = CASE WHEN window_started_at < :windowStart THEN :now
                                                 ELSE window_started_at END
                      WHERE throttle_key = :k
                      """)
                  .bind("k", key)
                  .bind("now", now)
                  .bind("windowStart", now.minus(rule.window()))
                  .execute();
          if (updated == 0) {
            h.createUpdate(
                    """
                    INSERT INTO login_throttle (throttle_key, failures, window_started_at)
                    VALUES (:k, 1, :now)
                    """)
                .bind("k", key)
                .bind("now", now)
                .execute();
          }
          h.createUpdate(
                  """
                  UPDATE login_throttle SET blocked_until = :until
                  WHERE throttle_key = :k AND failures >= :limit
                  """)
              .bind("k", key)
              .bind("limit", rule.limit())
              .bind("until", now.plus(rule.block()))
              .execute();
        });
  }

  public void succeeded(String key) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM login_throttle WHERE throttle_key = :k")
                .bind("k", key)
                .execute());
  }
}
