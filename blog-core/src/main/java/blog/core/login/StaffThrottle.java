package blog.core.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The throttles of every staff log-in, whatever it proves itself with (a password or a passkey):
 * failures counted per account and per client address, in the database so that every instance sees
 * them, and a success clearing the account's count.
 */
public final class StaffThrottle {
  static final LoginThrottleRepository.Rule PER_ACCOUNT =
      new LoginThrottleRepository.Rule(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
  static final LoginThrottleRepository.Rule PER_CLIENT =
      new LoginThrottleRepository.Rule(20, Duration.ofMinutes(15), Duration.ofMinutes(15));

  private final LoginThrottleRepository throttle;
  private final Clock clock;

  public StaffThrottle(LoginThrottleRepository throttle, Clock clock) {
    this.throttle = throttle;
    this.clock = clock;
  }

  /**
   * The refusal to give when the account (if known: a lower-cased username) or the client is
   * blocked now, or empty when it may try.
   */
  public Optional<String> refusal(Optional<String> account, String clientAddress) {
    Instant now = clock.instant();
    Optional<Instant> blocked =
        account
            .flatMap(name -> throttle.blockedUntil(accountKey(name), now))
            .or(() -> throttle.blockedUntil(clientKey(clientAddress), now));
    return blocked.map(
        until ->
            "Too many failed log-ins. Please wait "
                + Math.max(1, Duration.between(now, until).toMinutes() + 1)
                + " minute(s) and try again.");
  }

  /** Counts a failed try against the client and, when it named one, the account. */
  public void failed(Optional<String> account, String clientAddress) {
    Instant now = clock.instant();
    account.ifPresent(name -> throttle.failed(accountKey(name), PER_ACCOUNT, now));
    throttle.failed(clientKey(clientAddress), PER_CLIENT, now);
  }

  public void succeeded(String account) {
    throttle.succeeded(accountKey(account));
  }

  private static String accountKey(String name) {
    return "account:" + name;
  }

  private static String clientKey(String clientAddress) {
    return "client:" + clientAddress;
  }
}
