package blog.core.login;

import blog.core.identity.Passwords;
import blog.core.identity.User;
import blog.core.identity.UserRepository;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Log-in for admins and authors with a password: Argon2id, and the {@link StaffThrottle throttles}
 * per account and per client address that an attacker cannot reset (the address comes from the web
 * layer's trusted-proxy rule). Failures never say whether the account or the password was wrong,
 * nor whether the account's password is turned off.
 */
public final class StaffLogin {
  public static final String WRONG = "Wrong username or password.";

  /** No account has a longer username (see {@link StaffAccounts}; the column holds 60). */
  static final int MAX_USERNAME = 60;

  /** What became of a log-in attempt. */
  public sealed interface Result {
    record LoggedIn(User user) implements Result {}

    record Refused(String message) implements Result {}
  }

  private final UserRepository users;
  private final Passwords passwords;
  private final StaffThrottle throttle;

  public StaffLogin(
      UserRepository users, Passwords passwords, LoginThrottleRepository throttle, Clock clock) {
    this.users = users;
    this.passwords = passwords;
    this.throttle = new StaffThrottle(throttle, clock);
  }

  public Result logIn(String username, String password, String clientAddress) {
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    // A name longer than any account's can only be wrong, and as a throttle key it would not fit
    // its column: such a try counts against the client alone.
    Optional<String> account = name.length() <= MAX_USERNAME ? Optional.of(name) : Optional.empty();
    Optional<String> refusal = throttle.refusal(account, clientAddress);
    if (refusal.isPresent()) {
      return new Result.Refused(refusal.get());
    }
    Optional<UserRepository.Credentials> found = account.flatMap(users::credentials);
    boolean ok = passwords.matches(password, found.map(c -> c.passwordHash()).orElse(null));
    if (!ok || found.isEmpty()) {
      throttle.failed(account, clientAddress);
      return new Result.Refused(WRONG);
    }
    throttle.succeeded(name);
    return new Result.LoggedIn(found.get().user());
  }
}
