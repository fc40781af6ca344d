package blog.core.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.FieldError;
import blog.core.identity.Role;
import blog.core.identity.UserRepository;
import blog.core.security.SiteSecret;
import blog.core.site.SettingsRepository;
import blog.core.testing.DbKind;
import blog.core.testing.EachDatabase;
import blog.core.testing.Fixtures;
import blog.core.testing.MutableClock;
import blog.core.testing.TestDatabase;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

class AdminSetupTest {
  @EachDatabase
  void aBrandNewBlogOffersAOneTimeSetupLinkUntilAnAdminExists(DbKind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      var jdbi = db.database().jdbi();
      MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
      StaffAccounts accounts =
          new StaffAccounts(
              new UserRepository(jdbi),
              Fixtures.PASSWORDS,
              new SettingsRepository(jdbi),
              SiteSecret.signer(new SettingsRepository(jdbi), new SecureRandom()),
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

  /** Each instance, and each restart, builds its own StaffAccounts on the shared database. */
  private static StaffAccounts instance(TestDatabase db, Clock clock) {
    var jdbi = db.database().jdbi();
    return new StaffAccounts(
        new UserRepository(jdbi),
        Fixtures.PASSWORDS,
        new SettingsRepository(jdbi),
        SiteSecret.signer(new SettingsRepository(jdbi), new SecureRandom()),
        clock);
  }

  @EachDatabase
  void everyInstanceAndRestartPrintsTheSameLinkUntilItExpiresOrIsUsed(DbKind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
      String onA = instance(db, clock).issueSetupToken().orElseThrow();
      clock.advance(Duration.ofMinutes(5));
      String onB = instance(db, clock).issueSetupToken().orElseThrow();
      assertEquals(onA, onB, "two instances starting on a new blog print one link");
      StaffAccounts restarted = instance(db, clock);
      assertEquals(onA, restarted.issueSetupToken().orElseThrow(), "so does a restart");
      assertTrue(restarted.setupTokenValid(onA));

      clock.advance(Duration.ofHours(25));
      String renewed = instance(db, clock).issueSetupToken().orElseThrow();
      assertFalse(renewed.equals(onA), "an expired link is replaced");
      assertFalse(restarted.setupTokenValid(onA));
      assertTrue(restarted.setupTokenValid(renewed));
      assertTrue(
          instance(db, clock)
              .setUp(renewed, "boss", "Boss", "a fine long passphrase")
              .user()
              .isPresent());
      assertTrue(instance(db, clock).issueSetupToken().isEmpty(), "none once an admin exists");
    }
  }

  @EachDatabase
  void aLinkUsedTwiceAtOnceMakesOneAdmin(DbKind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      var jdbi = db.database().jdbi();
      UserRepository users = new UserRepository(jdbi);
      StaffAccounts accounts =
          new StaffAccounts(
              users,
              Fixtures.PASSWORDS,
              new SettingsRepository(jdbi),
              SiteSecret.signer(new SettingsRepository(jdbi), new SecureRandom()),
              Clock.systemUTC());
      String token = accounts.issueSetupToken().orElseThrow();
      assertEquals(
          "password",
          accounts.setUp(token, "early", "Early", "short").errors().get(0).field(),
          "a form with a mistake");
      assertTrue(accounts.setupTokenValid(token), "leaves the link usable");

      CyclicBarrier together = new CyclicBarrier(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<StaffAccounts.Created>> tries = new ArrayList<>();
        for (String name : List.of("first-click", "second-click")) {
          tries.add(
              pool.submit(
                  () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return accounts.setUp(token, name, name, "a fine long passphrase");
                  }));
        }
        int made = 0;
        for (Future<StaffAccounts.Created> attempt : tries) {
          StaffAccounts.Created created = attempt.get(60, TimeUnit.SECONDS);
          if (created.user().isPresent()) {
            made++;
          } else {
            assertEquals(FieldError.FORM, created.errors().get(0).field());
          }
        }
        assertEquals(1, made, "one of the two made an admin");
        assertEquals(1, users.countWithRole(Role.ADMIN), "and only one admin exists");
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
