package blog.core.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.FieldError;
import blog.core.security.Tokens;
import blog.core.site.SettingsRepository;
import blog.core.testing.DbKind;
import blog.core.testing.MutableClock;
import blog.core.testing.TestDatabase;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AdminSetupTest {
  @ParameterizedTest
  @EnumSource(DbKind.class)
  void aBrandNewBlogOffersAOneTimeSetupLinkUntilAnAdminExists(DbKind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      var jdbi = db.database().jdbi();
      MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
      StaffAccounts accounts =
          new StaffAccounts(
              new UserRepository(jdbi),
              new Passwords(),
              new SettingsRepository(jdbi),
              new Tokens(new SecureRandom()),
              clock);
      String expired = accounts.issueSetupToken().orElseThrow();
      clock.advance(Duration.ofHours(25));
      assertFalse(accounts.setupTokenValid(expired));

      String token = accounts.issueSetupToken().orElseThrow();
      assertFalse(accounts.setupTokenValid(token + "x"));
      assertEquals(
          FieldError.FORM,
          accounts
              .setUp("forged", "boss", "Boss", "a fine long passphrase")
              .errors()
              .get(0)
              .field());
      assertTrue(
          accounts.setUp(token, "boss", "Boss", "a fine long passphrase").user().isPresent());
      assertTrue(accounts.hasAdmin());
      assertFalse(accounts.setupTokenValid(token), "used up");
      assertTrue(accounts.issueSetupToken().isEmpty(), "no more links once an admin exists");
    }
  }
}
