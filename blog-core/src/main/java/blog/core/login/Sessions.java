package blog.core.login;

import blog.core.security.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Starts, finds and ends server-side sessions. The browser holds a random token; the database only
 * its SHA-256, so a leaked database does not hand out sessions. Every log-in starts a new session
 * (no fixation); any instance can serve any session.
 */
public final class Sessions {
  // Saves a write per request: last-seen is only moved when it is this stale.
  private static final Duration TOUCH_AFTER = Duration.ofMinutes(1);

  private final SessionRepository repository;
  private final Tokens tokens;
  private final Clock clock;

  public Sessions(SessionRepository repository, Tokens tokens, Clock clock) {
    this.repository = repository;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** A new session for a commenter identity; returns the token for the browser's cookie. */
  public String startForIdentity(long identityId, SessionPolicy policy) {
    return start(null, identityId, policy);
  }

  /** A new session for a staff user; returns the token for the browser's cookie. */
  public String startForUser(long userId, SessionPolicy policy) {
    return start(userId, null, policy);
  }

  private String start(Long userId, Long identityId, SessionPolicy policy) {
    Instant now = clock.instant();
    String token = tokens.random();
    repository.insert(
        new Session(
            Tokens.hash(token),
            userId,
            identityId,
            now,
            now,
            now.plus(policy.absolute()),
            policy.idle().getSeconds()),
        tokens.random());
    return token;
  }

  /** The live session for a browser's token, if any; ended ones are removed on sight. */
  public Optional<Session> find(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    String hash = Tokens.hash(token);
    Optional<Session> session = repository.find(hash);
    if (session.isEmpty()) {
      return Optional.empty();
    }
    if (!session.get().isLiveAt(now)) {
      repository.delete(hash);
      return Optional.empty();
    }
    if (session.get().lastSeenAt().plus(TOUCH_AFTER).isBefore(now)) {
      repository.touch(hash, now);
    }
    return session;
  }

  public void end(String token) {
    if (token != null && !token.isBlank()) {
      repository.delete(Tokens.hash(token));
    }
  }

  public int removeExpired() {
    return repository.deleteExpired(clock.instant());
  }
}
