package blog.core.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Passwords;
import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.identity.UserRepository;
import blog.core.security.SiteSecret;
import blog.core.site.SettingsRepository;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import blog.core.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StaffLoginTest extends DatabaseTestBase {
  private static final String GOOD = "correct horse battery";

  private MutableClock clock;
  private StaffAccounts accounts;
  private StaffLogin login;
  private UserRepository users;

  @Override
  protected void prepare() {
    var jdbi = db.database().jdbi();
    clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    users = new UserRepository(jdbi);
    accounts =
        new StaffAccounts(
            users,
            Fixtures.PASSWORDS,
            new SettingsRepository(jdbi),
            SiteSecret.signer(new SettingsRepository(jdbi), new SecureRandom()),
            clock);
    login = new StaffLogin(users, Fixtures.PASSWORDS, new LoginThrottleRepository(jdbi), clock);
  }

  private String account() {
    String name = Fixtures.unique("staff").toLowerCase().replace(' ', '-');
    assertTrue(accounts.create(name, "Staff", GOOD, Role.AUTHOR).user().isPresent());
    return name;
  }

  @Test
  void theRightPasswordLogsInAndIsStoredAsArgon2idAtAsvsStrength() {
    // At the blog's own cost, not the tests' (Fixtures.PASSWORDS).
    var jdbi = db.database().jdbi();
    String name = Fixtures.unique("staff").toLowerCase().replace(' ', '-');
    StaffAccounts asTheBlogDoes =
        new StaffAccounts(
            users,
            new Passwords(),
            new SettingsRepository(jdbi),
            SiteSecret.signer(new SettingsRepository(jdbi), new SecureRandom()),
            clock);
    assertTrue(asTheBlogDoes.create(name, "Staff", GOOD, Role.AUTHOR).user().isPresent());
    User user =
        assertInstanceOf(StaffLogin.Result.LoggedIn.class, login.logIn(name, GOOD, "10.0.0.1"))
            .user();
    assertEquals(name, user.username());
    String hash = users.credentials(name).orElseThrow().passwordHash();
    assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
  }

  @Test
  void aWrongPasswordAndAnUnknownAccountGetTheSameAnswer() {
    String name = account();
    assertEquals(StaffLogin.WRONG, refused(login.logIn(name, "wrong password", "10.0.0.2")));
    assertEquals(StaffLogin.WRONG, refused(login.logIn("nobody-here", GOOD, "10.0.0.2")));
  }

  @Test
  void fiveFailuresLockTheAccountForAWhileEvenForTheRightPassword() {
    String name = account();
    for (int i = 0; i < 5; i++) {
      login.logIn(name, "guess " + i, "10.0.1." + i);
    }
    assertTrue(refused(login.logIn(name, GOOD, "10.0.1.99")).startsWith("Too many failed log-ins"));
    clock.advance(Duration.ofMinutes(16));
    assertInstanceOf(StaffLogin.Result.LoggedIn.class, login.logIn(name, GOOD, "10.0.1.99"));
  }

  @Test
  void oneClientGuessingManyAccountsIsBlockedToo() {
    String name = account();
    for (int i = 0; i < 20; i++) {
      login.logIn("someone-" + i, "guess", "10.0.2.7");
    }
    assertTrue(refused(login.logIn(name, GOOD, "10.0.2.7")).startsWith("Too many failed log-ins"));
    assertInstanceOf(StaffLogin.Result.LoggedIn.class, login.logIn(name, GOOD, "10.0.2.8"));
  }

  @Test
  void anOverlongUsernameIsJustWrongAndStillCountsAgainstTheClient() {
    // Found by wapiti: a name of a few hundred characters made the throttle key too long for its
    // column, and the log-in answered 500.
    String name = account();
    String overlong = "\"><script>" + "x".repeat(1_000) + "</script>";
    for (int i = 0; i < 20; i++) {
      assertEquals(StaffLogin.WRONG, refused(login.logIn(overlong + i, GOOD, "10.0.3.1")));
    }
    assertTrue(refused(login.logIn(name, GOOD, "10.0.3.1")).startsWith("Too many failed log-ins"));
    assertInstanceOf(StaffLogin.Result.LoggedIn.class, login.logIn(name, GOOD, "10.0.3.2"));
  }

  @Test
  void weakPasswordsAndBadUsernamesAreRefusedWithReasons() {
    assertEquals(
        "password",
        accounts.create("valid-name", "V", "short", Role.AUTHOR).errors().get(0).field());
    assertEquals(
        "That password is one of the most common ones; please choose another.",
        accounts.create("valid-name", "V", "password123", Role.AUTHOR).errors().get(0).message());
    assertEquals(
        "username", accounts.create("Bad Name!", "V", GOOD, Role.AUTHOR).errors().get(0).field());
    assertTrue(
        accounts.create("long-ok", "V", "x".repeat(64) + "!", Role.AUTHOR).user().isPresent(),
        "64+ allowed");
  }

  private static String refused(StaffLogin.Result result) {
    return assertInstanceOf(StaffLogin.Result.Refused.class, result).message();
  }
}
