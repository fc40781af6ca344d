package blog.core.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.PostStatus;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The versions an instance answers by: the poll's, unless this instance wrote since, then what it
 * read after its write; in exact mode the database's on every call.
 */
class SeenVersionsTest extends DatabaseTestBase {
  /** A poll that would not notice anything during a test. */
  private static final Duration NEVER = Duration.ofHours(1);

  private ContentVersionRepository repository;
  private Fixtures fixtures;
  private long author;

  @Override
  protected void prepare() {
    repository = new ContentVersionRepository(db.database().jdbi());
    fixtures = new Fixtures(db.database().jdbi());
    author = fixtures.author("Seen");
  }

  private SeenVersions seen(ContentVersion polled, boolean exact) {
    return new SeenVersions(polled, exact, at -> Optional.empty(), Clock.systemUTC());
  }

  @Test
  void anOwnWriteIsSeenAtOnceOthersAfterThePoll() {
    try (PolledContentVersion polled = PolledContentVersion.start(repository, NEVER)) {
      SeenVersions versions = seen(polled, false);
      ContentVersions before = versions.now();
      assertSame(before, versions.now(), "nothing changed: the same object, no query");

      fixtures.post(author, Fixtures.unique("Unseen"), PostStatus.PUBLISHED, Instant.now());
      assertEquals(before, versions.now(), "another's write waits for the poll");

      versions.readAfterWrite();
      ContentVersions after = versions.now();
      assertTrue(after.all() > before.all(), "after this instance's own write: at once");
      assertTrue(after.listing() > before.listing());
      assertEquals(repository.readAll(), after);
    }
  }

  @Test
  void exactModeReadsTheDatabaseEveryTime() {
    try (PolledContentVersion polled = PolledContentVersion.start(repository, NEVER)) {
      SeenVersions versions = seen(polled, true);
      ContentVersions before = versions.now();
      fixtures.post(author, Fixtures.unique("Exact"), PostStatus.PUBLISHED, Instant.now());
      assertTrue(versions.now().all() > before.all());
    }
  }

  @Test
  void memosKeyOnTheSameVersions() {
    try (PolledContentVersion polled = PolledContentVersion.start(repository, NEVER)) {
      SeenVersions versions = seen(polled, false);
      int[] computed = {0};
      Memo<Integer> memo = versions.memos().perListingVersion(() -> ++computed[0]);
      assertEquals(1, memo.get());
      assertEquals(1, memo.get(), "kept while the version stays");
      fixtures.post(author, Fixtures.unique("Memo"), PostStatus.PUBLISHED, Instant.now());
      versions.readAfterWrite();
      assertEquals(2, memo.get(), "computed again once this instance saw its write");
    }
  }
}
