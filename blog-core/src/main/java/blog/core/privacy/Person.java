package blog.core.privacy;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whose data a request is about: the commenter identities they proved (logged in, or linked) and
 * the addresses they proved (a mailed link, or an identity's address). Addresses are in lower case;
 * a comment or subscription under any of them, or written with any of the identities, is theirs.
 * Staff comments never are.
 */
public record Person(Set<Long> identityIds, Set<String> emails) {
  public Person {
    identityIds = Set.copyOf(identityIds);
    TreeSet<String> lower = new TreeSet<>();
    emails.forEach(e -> lower.add(e.strip().toLowerCase(Locale.ROOT)));
    emails = Set.copyOf(lower);
  }

  /** A stable text for the owner's log (hashed there): the first address, else the identities. */
  String key() {
    return emails.isEmpty()
        ? "identities:" + new TreeSet<>(identityIds)
        : new TreeSet<>(emails).first();
  }
}
