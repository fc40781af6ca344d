package blog.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityRepositoryTest extends DatabaseTestBase {
  @Test
  void loggingInAgainUpdatesTheSameIdentity() {
    IdentityRepository identities = new IdentityRepository(db.database().jdbi());
    String subject = Fixtures.unique("42");
    CommenterIdentity first =
        identities.save(
            "github", subject, "Old Name", null, "https://a.example/1.png", null, Instant.EPOCH);
    CommenterIdentity again =
        identities.save(
            "github",
            subject,
            "New Name",
            "n@example.org",
            "https://a.example/2.png",
            "https://github.com/n",
            Instant.EPOCH.plusSeconds(1));
    assertEquals(first.id(), again.id());
    assertEquals("New Name", again.displayName());
    assertEquals("https://github.com/n", again.profileUrl());
    assertEquals(List.of(again), List.copyOf(identities.findAll(List.of(first.id())).values()));
  }

  private static List<Long> ids(List<CommenterIdentity> identities) {
    return identities.stream().map(CommenterIdentity::id).toList();
  }

  @Test
  void linkedIdentitiesAreOneCommenterAndUnlinkingNeverTakesTheLast() {
    IdentityRepository identities = new IdentityRepository(db.database().jdbi());
    CommenterIdentity a =
        identities.save("one", Fixtures.unique("a"), "A", null, null, null, Instant.EPOCH);
    assertEquals(List.of(a.id()), ids(identities.linkedWith(a.id())));
    CommenterIdentity b =
        identities.saveLinked(
            a.id(), "two", Fixtures.unique("b"), "B", null, null, null, Instant.EPOCH);
    // A third identity with one of its own linked, brought in together.
    CommenterIdentity c =
        identities.save("one", Fixtures.unique("c"), "C", null, null, null, Instant.EPOCH);
    CommenterIdentity d =
        identities.saveLinked(
            c.id(), "email", Fixtures.unique("d"), "D", null, null, null, Instant.EPOCH);
    identities.saveLinked(b.id(), "one", c.subject(), "C", null, null, null, Instant.EPOCH);
    List<Long> all = List.of(a.id(), b.id(), c.id(), d.id());
    for (long id : all) {
      assertEquals(all, ids(identities.linkedWith(id)), "seen from " + id);
    }

    // The identity the commenter is known by leaves: the others stay together.
    assertTrue(identities.unlink(b.id(), a.id()));
    assertEquals(List.of(a.id()), ids(identities.linkedWith(a.id())));
    assertEquals(List.of(b.id(), c.id(), d.id()), ids(identities.linkedWith(d.id())));
    // Not theirs: nothing changes.
    assertFalse(identities.unlink(b.id(), a.id()));
    assertTrue(identities.unlink(d.id(), c.id()));
    assertTrue(identities.unlink(b.id(), d.id()));
    assertEquals(List.of(b.id()), ids(identities.linkedWith(b.id())));
    assertFalse(identities.unlink(b.id(), b.id()), "never the last");
    assertEquals(List.of(b.id()), ids(identities.linkedWith(b.id())));
  }
}
