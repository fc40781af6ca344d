package blog.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The stored hash and the password rules, against OWASP ASVS 5.0 (V6.2, V11.4). */
class PasswordPolicyTest {
  private static final Pattern ARGON2 =
      Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$[A-Za-z0-9+/]+\\$.+");
  private final Passwords passwords = new Passwords();

  @Test
  void v11_4_2_theStoredHashIsArgon2idAtLeastAtTheOwaspMinimum() {
    String hash = passwords.hash("a perfectly fine passphrase");
    Matcher m = ARGON2.matcher(hash);
    assertTrue(m.matches(), "an encoded Argon2id hash: " + hash);
    assertTrue(Integer.parseInt(m.group(1)) >= 19 * 1024, "m >= 19 MiB: " + hash);
    assertTrue(Integer.parseInt(m.group(2)) >= 2, "t >= 2: " + hash);
    assertEquals(1, Integer.parseInt(m.group(3)), "p = 1: " + hash);
    assertTrue(passwords.matches("a perfectly fine passphrase", hash));
    assertFalse(passwords.matches("a perfectly fine passphrasE", hash));
    assertFalse(hash.equals(passwords.hash("a perfectly fine passphrase")), "salted");
  }

  @Test
  void aHashAtATestsCostIsCheckedAtTheCostWrittenInIt() {
    String cheap = Passwords.atCost(1024, 1).hash("a perfectly fine passphrase");
    assertTrue(cheap.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"), cheap);
    assertTrue(passwords.matches("a perfectly fine passphrase", cheap));
    assertFalse(passwords.matches("a perfectly fine passphrasE", cheap));
    assertTrue(
        passwords.hash("a perfectly fine passphrase").startsWith("$argon2id$v=19$m=19456,t=2,p=1$"),
        "the blog's own hashes keep its cost");
    assertFalse(Passwords.atCost(1024, 1).matches("any password", null), "no account: refused");
  }

  @Test
  void theDecoyForUnknownAccountsIsAHashWithTheSameParameters() {
    String fresh = passwords.hash("any password");
    String parameters = "$argon2id$v=19$m=19456,t=2,p=1$";
    assertTrue(fresh.startsWith(parameters), fresh);
    assertTrue(Passwords.DECOY_HASH.startsWith(parameters), "the decoy costs what a check costs");
    assertTrue(ARGON2.matcher(Passwords.DECOY_HASH).matches());
    assertFalse(passwords.matches("any password", null), "no account: always refused");
  }

  @Test
  void v6_2_1_atLeastEightCharacters() {
    assertEquals(Optional.of("Use at least 8 characters."), passwords.problem("Zq7#mw!"));
    assertEquals(Optional.empty(), passwords.problem("Zq7#mw!x"));
    // Counted in characters a person types, not UTF-16 units: four emoji are four characters.
    assertTrue(passwords.problem("\uD83D\uDE00\uD83D\uDE01\uD83D\uDE02\uD83D\uDE03").isPresent());
  }

  @Test
  void v6_2_9_sixtyFourCharactersAndMoreAreAllowed() {
    String long64 = "correct horse battery staple ".repeat(3).substring(0, 64);
    assertEquals(Optional.empty(), passwords.problem(long64));
    String long128 = "x7 Lorem ipsum dolor sit amet, ".repeat(5).substring(0, 128);
    assertEquals(Optional.empty(), passwords.problem(long128));
    assertTrue(passwords.matches(long128, passwords.hash(long128)));
    assertEquals(Optional.of("Use at most 128 characters."), passwords.problem(long128 + "y"));
  }

  @Test
  void v6_2_4_theMostCommonPasswordsAreRefused() {
    for (String common :
        new String[] {"password", "Password", "12345678", "123456789", "qwertyuiop", "iloveyou"}) {
      assertEquals(
          Optional.of("That password is one of the most common ones; please choose another."),
          passwords.problem(common),
          common);
    }
    assertEquals(Optional.empty(), passwords.problem("my own tangerine kettle"));
  }
}
