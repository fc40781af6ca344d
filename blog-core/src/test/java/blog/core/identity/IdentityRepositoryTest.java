package blog.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
