package blog.core.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The rules around passkeys that need no browser: the password turned off only with a passkey and
 * then refused, the last passkey kept while it is off, a new password turning it on, challenges
 * taken once by the browser they were given to, and unknown passkeys counted by the staff log-in's
 * throttle. (Real registrations and log-ins: {@code PasskeyJourneyTest} in Chromium.)
 */
class PasskeyRulesTest extends DatabaseTestBase {
  private static final String GOOD = "correct horse battery";

  private MutableClock clock;
  private StaffAccounts accounts;
  private StaffLogin login;
  private PasskeyRepository repository;
  private Passkeys passkeys;

  @Override
  protected void prepare() {
    var jdbi = db.database().jdbi();
    clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    var users = new UserRepository(jdbi);
    accounts =
        new StaffAccounts(
            users,
            Fixtures.PASSWORDS,
            new SettingsRepository(jdbi),
            SiteSecret.signer(new SettingsRepository(jdbi), new SecureRandom()),
            clock);
    login = new StaffLogin(users, Fixtures.PASSWORDS, new LoginThrottleRepository(jdbi), clock);
    repository = new PasskeyRepository(jdbi);
    passkeys =
        new Passkeys(
            repository,
            users,
            new StaffThrottle(new LoginThrottleRepository(jdbi), clock),
            new SecureRandom(),
            "https://blog.example",
            clock);
  }

  private User account() {
    String name = Fixtures.unique("staff").toLowerCase().replace(' ', '-');
    return accounts.create(name, "Staff", GOOD, Role.AUTHOR).user().orElseThrow();
  }

  private long passkeyOf(User user, String name) {
    byte[] id = new byte[16];
    new SecureRandom().nextBytes(id);
    return repository.insert(
        new StoredCredential(
            0,
            user.id(),
            Base64.getUrlEncoder().withoutPadding().encodeToString(id),
            "00000000-0000-0000-0000-000000000000",
            new byte[] {1, 2, 3},
            0,
            true,
            false,
            false,
            "internal"),
        name,
        clock.instant());
  }

  @Test
  void thePasswordTurnsOffOnlyWithAPasskeyAndIsThenRefused() {
    User user = account();
    assertFalse(repository.turnPasswordOff(user.id()), "no passkey yet");
    assertInstanceOf(
        StaffLogin.Result.LoggedIn.class, login.logIn(user.username(), GOOD, "10.0.0.1"));

    passkeyOf(user, "Laptop");
    assertTrue(repository.turnPasswordOff(user.id()));
    assertEquals(
        StaffLogin.WRONG,
        assertInstanceOf(
                StaffLogin.Result.Refused.class, login.logIn(user.username(), GOOD, "10.0.0.1"))
            .message(),
        "the same answer as a wrong password");
  }

  @Test
  void theLastPasskeyStaysWhileThePasswordIsOffAndANewPasswordTurnsItOn() {
    User user = account();
    long laptop = passkeyOf(user, "Laptop");
    long phone = passkeyOf(user, "Phone");
    assertTrue(repository.turnPasswordOff(user.id()));

    assertEquals(PasskeyRepository.Removal.REMOVED, repository.remove(phone, user.id()));
    assertEquals(
        PasskeyRepository.Removal.LAST_WHILE_PASSWORD_OFF, repository.remove(laptop, user.id()));
    assertEquals(1, repository.count(user.id()));

    assertTrue(accounts.setPassword(user.id(), "a brand new secret").isEmpty());
    assertInstanceOf(
        StaffLogin.Result.LoggedIn.class,
        login.logIn(user.username(), "a brand new secret", "10.0.0.2"));
    assertEquals(PasskeyRepository.Removal.REMOVED, repository.remove(laptop, user.id()));
  }

  @Test
  void nobodyRemovesOrRenamesAnotherPersonsPasskey() {
    User owner = account();
    User other = account();
    long key = passkeyOf(owner, "Laptop");
    assertEquals(PasskeyRepository.Removal.NOT_FOUND, repository.remove(key, other.id()));
    assertFalse(repository.rename(key, other.id(), "Mine now"));
    assertEquals("Laptop", repository.of(owner.id()).get(0).name());
  }

  @Test
  void changingThePasswordAsksForTheCurrentOneOnlyWhileItIsOn() {
    User user = account();
    assertEquals(
        "current", accounts.changePassword(user.id(), "not it", "another good one").get().field());
    passkeyOf(user, "Laptop");
    repository.turnPasswordOff(user.id());
    assertTrue(accounts.changePassword(user.id(), "", "another good one").isEmpty());
    assertInstanceOf(
        StaffLogin.Result.LoggedIn.class,
        login.logIn(user.username(), "another good one", "10.0.0.3"));
  }

  @Test
  void aChallengeIsTakenOnceByItsBrowserForItsPurposeBeforeItExpires() {
    User user = account();
    Instant expires = clock.instant().plus(Passkeys.CHALLENGE_VALIDITY);
    repository.saveChallenge("c1", "browser-a", Passkeys.LOGIN, null, expires);
    assertFalse(repository.takeChallenge("c1", "browser-b", Passkeys.LOGIN, null, clock.instant()));
    assertFalse(
        repository.takeChallenge("c1", "browser-a", Passkeys.REGISTER, null, clock.instant()));
    assertTrue(repository.takeChallenge("c1", "browser-a", Passkeys.LOGIN, null, clock.instant()));
    assertFalse(
        repository.takeChallenge("c1", "browser-a", Passkeys.LOGIN, null, clock.instant()), "once");

    repository.saveChallenge("c2", "browser-a", Passkeys.REGISTER, user.id(), expires);
    assertFalse(
        repository.takeChallenge("c2", "browser-a", Passkeys.REGISTER, null, clock.instant()));
    assertFalse(
        repository.takeChallenge(
            "c2", "browser-a", Passkeys.REGISTER, user.id(), expires.plusSeconds(1)),
        "expired");
  }

  @Test
  void unknownPasskeysAreRefusedAndCountedAgainstTheClient() {
    var unknown =
        new Passkeys.Assertion(
            Base64.getUrlEncoder().encodeToString(new byte[] {9, 9, 9}), "e30", "AA", "AA", "");
    for (int i = 0; i < 20; i++) {
      assertEquals(
          "That passkey was not accepted.",
          assertInstanceOf(
                  StaffLogin.Result.Refused.class, passkeys.logIn("browser", unknown, "10.0.9.9"))
              .message());
    }
    String blocked =
        assertInstanceOf(
                StaffLogin.Result.Refused.class, passkeys.logIn("browser", unknown, "10.0.9.9"))
            .message();
    assertTrue(blocked.startsWith("Too many failed log-ins"), blocked);
    clock.advance(Duration.ofMinutes(16));
    assertEquals(
        "That passkey was not accepted.",
        assertInstanceOf(
                StaffLogin.Result.Refused.class, passkeys.logIn("browser", unknown, "10.0.9.9"))
            .message());
  }

  @Test
  void theRelyingPartyIsTheBaseUrlsHost() {
    User user = account();
    Passkeys.CreationOptions options = passkeys.creationOptions(user, "browser", "My blog");
    assertEquals("blog.example", options.rpId());
    assertEquals(43, options.challenge().length(), "32 random bytes");
    assertEquals(
        user.id(),
        java.nio.ByteBuffer.wrap(Base64.getUrlDecoder().decode(options.userHandle())).getLong());
    assertTrue(
        repository.takeChallenge(
            blog.core.security.Tokens.hash(options.challenge()),
            blog.core.security.Tokens.hash("browser"),
            Passkeys.REGISTER,
            user.id(),
            clock.instant()),
        "the challenge is kept for this browser and user");
  }
}
