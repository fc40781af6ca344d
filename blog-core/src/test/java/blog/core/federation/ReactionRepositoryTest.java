package blog.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.change.ContentVersionRepository;
import blog.core.post.PostStatus;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Likes and boosts on H2 and PostgreSQL: one per account, kind and post however often delivered,
 * undone by the activity's id or by what it named, and each change moves the post's page version.
 */
class ReactionRepositoryTest extends DatabaseTestBase {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final String ALICE = "https://social.example/users/alice";
  private static final String BOB = "https://other.example/users/bob";

  private ReactionRepository reactions;
  private Fixtures fixtures;

  @Override
  protected void prepare() {
    reactions = new ReactionRepository(db.database().jdbi());
    fixtures = new Fixtures(db.database().jdbi());
  }

  private long post() {
    return fixtures.post(
        fixtures.author("Reactions author"), Fixtures.unique("Liked"), PostStatus.PUBLISHED, NOW);
  }

  @Test
  void aLikeDeliveredTwiceCountsOnceAndEachAccountCounts() {
    long post = post();
    assertTrue(reactions.add(post, ReactionRepository.Kind.LIKE, ALICE, ALICE + "/likes/1", NOW));
    assertFalse(
        reactions.add(post, ReactionRepository.Kind.LIKE, ALICE, ALICE + "/likes/1", NOW),
        "the same like again");
    assertFalse(
        reactions.add(post, ReactionRepository.Kind.LIKE, ALICE, ALICE + "/likes/2", NOW),
        "another like by the same account");
    reactions.add(post, ReactionRepository.Kind.LIKE, BOB, BOB + "/likes/9", NOW);
    reactions.add(post, ReactionRepository.Kind.ANNOUNCE, ALICE, ALICE + "/boosts/1", NOW);
    assertEquals(new ReactionRepository.Counts(2, 1), reactions.counts(post));
    assertEquals(ReactionRepository.Counts.NONE, reactions.counts(post()));
    assertTrue(
        reactions.top(100).stream()
            .anyMatch(r -> r.postId() == post && r.likes() == 2 && r.boosts() == 1));
  }

  @Test
  void undoRemovesByTheActivitysIdOrByWhatItNamedAndOnlyTheAccountsOwn() {
    long post = post();
    reactions.add(post, ReactionRepository.Kind.LIKE, ALICE, ALICE + "/likes/7", NOW);
    reactions.add(post, ReactionRepository.Kind.ANNOUNCE, ALICE, ALICE + "/boosts/7", NOW);
    reactions.add(post, ReactionRepository.Kind.LIKE, BOB, BOB + "/likes/7", NOW);
    assertEquals(0, reactions.removeByActivity(BOB, ALICE + "/likes/7", NOW), "not bob's");
    assertEquals(1, reactions.removeByActivity(ALICE, ALICE + "/likes/7", NOW));
    assertEquals(1, reactions.remove(post, ReactionRepository.Kind.ANNOUNCE, ALICE, NOW));
    assertEquals(0, reactions.remove(post, ReactionRepository.Kind.ANNOUNCE, ALICE, NOW));
    assertEquals(new ReactionRepository.Counts(1, 0), reactions.counts(post));
  }

  @Test
  void everyChangeMovesThePostsPageVersion() {
    long post = post();
    var versions = new ContentVersionRepository(db.database().jdbi());
    long before = versions.readAll().forPost(post);
    reactions.add(post, ReactionRepository.Kind.LIKE, ALICE, null, NOW);
    long liked = versions.readAll().forPost(post);
    assertTrue(liked > before, "a like shows on the kept page");
    reactions.remove(post, ReactionRepository.Kind.LIKE, ALICE, NOW);
    assertTrue(versions.readAll().forPost(post) > liked, "and so does its undoing");
  }
}
