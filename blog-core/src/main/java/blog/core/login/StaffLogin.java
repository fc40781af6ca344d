package blog.core.login;

import blog.core.identity.Passwords;
import blog.core.identity.User;
import blog.core.identity.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Log-in for admins and authors: Argon2id passwords, and throttling per account and per client
 * address that an attacker cannot reset (the address comes from the web layer's trusted-proxy
 * rule). Failures never say whether the account or the password was wrong.
 */
public final class StaffLogin {
  public static final String WRONG = "Wrong username or password.";
  static final LoginThrottleRepository.Rule PER_ACCOUNT =
      new LoginThrottleRepository.Rule(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
  static final LoginThrottleRepository.Rule PER_CLIENT =
      new LoginThrottleRepository.Rule(20, Duration.ofMinutes(15), Duration.ofMinutes(15));

  /** No account has a longer username (see {@link StaffAccounts}; the column holds 60). */
  static final int MAX_USERNAME = 60;

  /** What became of a log-in attempt. */
  public sealed interface Result {
    record LoggedIn(User user) implements Result {}

    record Refused(String message) implements Result {}
  }

  private final UserRepository users;
  private final Passwords passwords;
  private final LoginThrottleRepository throttle;
  private final Clock clock;

  public StaffLogin(
      UserRepository users, Passwords passwords, LoginThrottleRepository throttle, Clock clock) {
    this.users = users;
    this.passwords = passwords;
    this.throttle = throttle;
    this.clock = clock;
  }

  public Result logIn(String username, String password, String clientAddress) {
    Instant now = clock.instant();
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    String accountKey = "account:" + name;
    String clientKey = "client:" + clientAddress;
    // A name longer than any account's can only be wrong, and as a throttle key it would not fit
    // its column: such a try counts against the client alone.
    boolean possibleAccount = name.length() <= MAX_USERNAME;
    Optional<Instant> blocked =
        (possibleAccount ? throttle.blockedUntil(accountKey, now) : Optional.<Instant>empty())
            .or(() -> throttle.blockedUntil(clientKey, now));
    if (blocked.isPresent()) {
      long minutes = Math.max(1, Duration.between(now, blocked.get()).toMinutes() + 1);
      return new Result.Refused(
          "Too many failed log-ins. Please wait " + minutes + " minute(s) and try again.");
    }
    Optional<UserRepository.Credentials> found =
        possibleAccount ? users.credentials(name) : Optional.empty();
    boolean ok = passwords.matches(password, found.map(c -> c.passwordHash()).orElse(null));
    if (!ok || found.isEmpty()) {
      if (possibleAccount) {
        throttle.failed(accountKey, PER_ACCOUNT, now);
      }
      throttle.failed(clientKey, PER_CLIENT, now);
      return new Result.Refused(WRONG);
    }
    throttle.succeeded(accountKey);
    return new Result.LoggedIn(found.get().user());
  }
}
