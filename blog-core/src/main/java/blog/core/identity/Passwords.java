package blog.core.identity;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Staff passwords: Argon2id (password4j) at OWASP ASVS 5.0 strength (19 MiB, 2 passes, 1 lane),
 * stored in its standard encoded form; a policy of 8 to 128 characters and none of the most common
 * passwords.
 */
public final class Passwords {
  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;
  static final int MEMORY_KIB = 19 * 1024;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;

  private static final Argon2Function ARGON2 = argon2(MEMORY_KIB, ITERATIONS);
  private static final Set<String> COMMON = common();

  /**
   * Checked when the account does not exist, so "no such user" takes as long as "wrong password".
   * Any hash with our parameters does (its password is unknown and never needed), so it is a
   * constant: made at start-up, an Argon2 hash in a JVM that has compiled nothing yet took a core
   * for half a second while the blog started. PasswordPolicyTest holds it to {@link #ARGON2}.
   */
  static final String DECOY_HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$Tcj660lBtd648VL7Fbgi3w$ho5bUchllgQ6dkofM8eOpi0Z6eSbhHpjYC2Au6eurd4";

  /** The function new hashes are made with; checking reads the cost from the stored hash. */
  private final Argon2Function hashing;

  /** A hash made with {@link #hashing}, checked when the account does not exist. */
  private final String decoy;

  /** At OWASP ASVS 5.0 strength: what the blog uses. */
  public Passwords() {
    this(ARGON2, DECOY_HASH);
  }

  private Passwords(Argon2Function hashing, String decoy) {
    this.hashing = hashing;
    this.decoy = decoy;
  }

  /**
   * New hashes (and the check for an account that does not exist) at a lower cost, for test
   * fixtures only: accounts whose passwords need not resist cracking, created in milliseconds. They
   * are checked as any stored hash is, at the cost written in it, so the blog's own {@code new
   * Passwords()} logs them in quickly too.
   */
  public static Passwords atCost(int memoryKib, int iterations) {
    Argon2Function hashing = argon2(memoryKib, iterations);
    return new Passwords(
        hashing, Password.hash("decoy").addRandomSalt(16).with(hashing).getResult());
  }

  private static Argon2Function argon2(int memoryKib, int iterations) {
    return Argon2Function.getInstance(memoryKib, iterations, PARALLELISM, 32, Argon2.ID);
  }

  public String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(hashing).getResult();
  }

  public boolean matches(String password, String storedHash) {
    if (password == null) {
      return false;
    }
    if (storedHash == null) {
      Password.check(password, decoy).with(hashing);
      return false;
    }
    return Password.check(password, storedHash)
        .with(Argon2Function.getInstanceFromHash(storedHash));
  }

  /** Why a new password is not acceptable, if it is not. */
  public Optional<String> problem(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of("Use at least " + MIN_LENGTH + " characters.");
    }
    if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
      return Optional.of("Use at most " + MAX_LENGTH + " characters.");
    }
    if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
      return Optional.of("That password is one of the most common ones; please choose another.");
    }
    return Optional.empty();
  }

  private static Set<String> common() {
    try (InputStream in = Passwords.class.getResourceAsStream("/passwords/common.txt")) {
      if (in == null) {
        throw new IllegalStateException("Missing resource /passwords/common.txt");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
