package blog.core.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.IdentityRepository;
import blog.core.security.Tokens;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import blog.core.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionsTest extends DatabaseTestBase {
  private static final SessionPolicy POLICY =
      new SessionPolicy(Duration.ofHours(1), Duration.ofHours(5));

  private MutableClock clock;
  private Sessions sessions;
  private long identity;

  @Override
  protected void prepare() {
    clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
    sessions =
        new Sessions(
            new SessionRepository(db.database().jdbi()), new Tokens(new SecureRandom()), clock);
    identity =
        new IdentityRepository(db.database().jdbi())
            .save("github", Fixtures.unique("sub"), "Sam", null, null, null, clock.instant())
            .id();
  }

  @Test
  void aSessionIsFoundByItsTokenOnlyAndEndsOnLogOut() {
    String token = sessions.startForIdentity(identity, POLICY);
    assertEquals(identity, sessions.find(token).orElseThrow().identityId());
    assertTrue(sessions.find(token + "x").isEmpty());
    long stored =
        db.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT COUNT(*) FROM sessions WHERE id_hash = :t")
                        .bind("t", token)
                        .mapTo(Long.class)
                        .one());
    assertEquals(0, stored, "the token itself is never stored");
    sessions.end(token);
    assertTrue(sessions.find(token).isEmpty());
  }

  @Test
  void eachLogInIsANewSession() {
    assertFalse(
        sessions
            .startForIdentity(identity, POLICY)
            .equals(sessions.startForIdentity(identity, POLICY)));
  }

  @Test
  void anUnusedSessionEndsAfterTheIdleTimeAndAnyAfterTheAbsoluteTime() {
    String idle = sessions.startForIdentity(identity, POLICY);
    clock.advance(Duration.ofMinutes(61));
    assertTrue(sessions.find(idle).isEmpty(), "idle too long");

    String used = sessions.startForIdentity(identity, POLICY);
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofMinutes(50));
      assertTrue(sessions.find(used).isPresent(), "kept alive by use, round " + i);
    }
    clock.advance(Duration.ofMinutes(50));
    assertTrue(sessions.find(used).isEmpty(), "past the absolute end despite use");
  }
}
