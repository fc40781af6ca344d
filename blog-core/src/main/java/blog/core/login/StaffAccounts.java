package blog.core.login;

import blog.core.comment.FieldError;
import blog.core.db.UniqueViolations;
import blog.core.identity.Passwords;
import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.identity.UserRepository;
import blog.core.security.Signer;
import blog.core.security.Tokens;
import blog.core.site.SettingsRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Creating staff accounts: the first admin through {@code create-admin} on the command line, or
 * through a one-time setup link that a brand-new blog (no admin yet) prints to its log.
 */
public final class StaffAccounts {
  static final String SETUP_HASH = "admin.setup-token-hash";
  private static final String SETUP_PURPOSE = "admin-setup";
  static final String SETUP_EXPIRES = "admin.setup-token-expires";
  static final Duration SETUP_VALIDITY = Duration.ofHours(24);
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");

  /** A created account, or everything wrong with the request. */
  public record Created(Optional<User> user, List<FieldError> errors) {}

  private final UserRepository users;
  private final Passwords passwords;
  private final SettingsRepository settings;
  private final Signer signer;
  private final Clock clock;

  public StaffAccounts(
      UserRepository users,
      Passwords passwords,
      SettingsRepository settings,
      Signer signer,
      Clock clock) {
    this.users = users;
    this.passwords = passwords;
    this.settings = settings;
    this.signer = signer;
    this.clock = clock;
  }

  public boolean hasAdmin() {
    return users.countWithRole(Role.ADMIN) > 0;
  }

  public Created create(String username, String displayName, String password, Role role) {
    String name = normalised(username);
    List<FieldError> errors = problems(name, password);
    if (!errors.isEmpty()) {
      return new Created(Optional.empty(), errors);
    }
    String shown = displayName == null || displayName.isBlank() ? name : displayName.strip();
    try {
      long id = users.insert(name, shown, null, role, clock.instant());
      users.setPassword(id, passwords.hash(password));
      return new Created(users.findById(id), List.of());
    } catch (RuntimeException e) {
      if (!UniqueViolations.isUniqueViolation(e)) {
        throw e;
      }
      return new Created(
          Optional.empty(), List.of(new FieldError("username", "That username is taken.")));
    }
  }

  /**
   * The one-time setup token while the blog has no admin, or empty when an admin exists. The token
   * is the site secret's signature of its expiry, so every instance starting on a new blog (and a
   * restart within the day) prints the same link, which works once; a new one is made when it has
   * expired or been used. Only its hash is stored.
   */
  public Optional<String> issueSetupToken() {
    if (hasAdmin()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Map<String, String> stored = settings.all();
    String expires = stored.get(SETUP_EXPIRES);
    String hash = stored.get(SETUP_HASH);
    boolean current =
        expires != null
            && now.isBefore(Instant.parse(expires))
            && Tokens.hash(setupToken(expires)).equals(hash);
    if (!current) {
      String fresh = now.plus(SETUP_VALIDITY).toString();
      if (expires == null) {
        expires = settings.putIfAbsent(SETUP_EXPIRES, fresh);
      } else if (settings.compareAndSet(SETUP_EXPIRES, expires, fresh)) {
        expires = fresh;
      } else {
        // Another instance made one a moment ago: the same link, from its expiry.
        expires = settings.all().get(SETUP_EXPIRES);
      }
      settings.putAll(Map.of(SETUP_HASH, Tokens.hash(setupToken(expires))));
    }
    return Optional.of(setupToken(expires));
  }

  /**
   * The signature alone (base64url): the expiry it signs is stored, so the link needs only this.
   */
  private String setupToken(String expires) {
    String signed =
        signer.sign(SETUP_PURPOSE, String.valueOf(Instant.parse(expires).toEpochMilli()));
    return signed.substring(signed.lastIndexOf('~') + 1);
  }

  public boolean setupTokenValid(String token) {
    if (token == null || token.isBlank() || hasAdmin()) {
      return false;
    }
    var stored = settings.all();
    String hash = stored.get(SETUP_HASH);
    String expires = stored.get(SETUP_EXPIRES);
    return hash != null
        && expires != null
        && hash.equals(Tokens.hash(token))
        && clock.instant().isBefore(Instant.parse(expires));
  }

  /**
   * Creates the first admin with a valid setup token, which is then used up. The token is claimed
   * (compare-and-set on its stored hash) before the account is made: of several requests racing
   * with it (a double click, or two instances behind a balancer), one makes an admin and the others
   * are told the link is used. A form with mistakes leaves the link usable.
   */
  public Created setUp(String token, String username, String displayName, String password) {
    if (!setupTokenValid(token)) {
      return linkUsedUp();
    }
    List<FieldError> errors = problems(normalised(username), password);
    if (!errors.isEmpty()) {
      return new Created(Optional.empty(), errors);
    }
    String hash = Tokens.hash(token);
    if (!settings.compareAndSet(SETUP_HASH, hash, "")) {
      return linkUsedUp();
    }
    Created created = create(username, displayName, password, Role.ADMIN);
    if (created.user().isPresent()) {
      settings.putAll(Map.of(SETUP_EXPIRES, Instant.EPOCH.toString()));
    } else {
      settings.compareAndSet(SETUP_HASH, "", hash); // e.g. a taken username: try again
    }
    return created;
  }

  /**
   * A staff member's new password, which turns their password on if it was off. While it is on, the
   * current one must be given; while it is off (they logged in with a passkey) it is not asked.
   * Answers what is wrong, or empty when the password was set.
   */
  public Optional<FieldError> changePassword(long userId, String current, String fresh) {
    Optional<String> hash = users.passwordHash(userId);
    if (hash.isPresent() && !passwords.matches(current, hash.get())) {
      return Optional.of(new FieldError("current", "That is not your current password."));
    }
    return setPassword(userId, fresh);
  }

  /**
   * Sets a staff member's password without asking for the old one (another admin's recovery, or
   * {@code reset-password} on the command line), turning it on if it was off.
   */
  public Optional<FieldError> setPassword(long userId, String password) {
    Optional<String> problem = passwords.problem(password);
    if (problem.isPresent()) {
      return Optional.of(new FieldError("password", problem.get()));
    }
    users.setPassword(userId, passwords.hash(password));
    return Optional.empty();
  }

  /** The account of this username (as typed: any case, spaces around). */
  public Optional<User> find(String username) {
    return users.findByUsername(normalised(username));
  }

  private static Created linkUsedUp() {
    return new Created(
        Optional.empty(),
        List.of(
            new FieldError(
                FieldError.FORM,
                "This setup link is no longer valid. Restart the blog for a new one, or use"
                    + " create-admin.")));
  }

  private static String normalised(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }

  private List<FieldError> problems(String name, String password) {
    List<FieldError> errors = new ArrayList<>();
    if (!USERNAME.matcher(name).matches()) {
      errors.add(
          new FieldError(
              "username", "Use 2 to 60 lower-case letters, digits, dots, dashes or underscores."));
    }
    passwords.problem(password).ifPresent(p -> errors.add(new FieldError("password", p)));
    return errors;
  }
}
