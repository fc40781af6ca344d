package blog.core.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentStatus;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ModerationActionsTest extends ModerationTestBase {
  @Test
  void approvingAnnouncesEachCommentToSubscribersExactlyOnce() {
    long post = post(admin);
    long a = comment(post, null, CommentStatus.PENDING);
    long b = comment(post, null, CommentStatus.PENDING);

    assertEquals(2, moderation.approve(admin, List.of(a, b, a)));
    assertEquals(CommentStatus.APPROVED, status(a));
    assertEquals(CommentStatus.APPROVED, status(b));
    assertEquals(List.of(a, b), notifications.approved);
    assertEquals(1, notifications.afterCommits.get(), "one wake-up after the commit");

    assertEquals(0, moderation.approve(admin, a), "already public");
    assertEquals(1, moderation.unapprove(admin, a));
    assertEquals(CommentStatus.PENDING, status(a));
    assertEquals(1, moderation.approve(admin, a));
    assertEquals(List.of(a, b), notifications.approved, "subscribers heard about it once");
    assertEquals(1, notifications.afterCommits.get());
  }

  @Test
  void commentsPublicFromTheStartAreNotAnnouncedAgainWhenReapproved() {
    long post = post(admin);
    long published = comment(post, null, CommentStatus.APPROVED);
    assertEquals(1, moderation.unapprove(admin, published));
    assertEquals(1, moderation.approve(admin, published));
    assertEquals(List.of(), notifications.approved);
  }

  @Test
  void unapproveSendsOnlyApprovedCommentsBackToTheQueue() {
    long post = post(admin);
    long a = comment(post, null, CommentStatus.APPROVED);
    long b = comment(post, null, CommentStatus.APPROVED);
    long spam = comment(post, null, CommentStatus.SPAM);
    assertEquals(2, moderation.unapprove(admin, List.of(a, b, spam)));
    assertEquals(CommentStatus.PENDING, status(a));
    assertEquals(CommentStatus.PENDING, status(b));
    assertEquals(CommentStatus.SPAM, status(spam));
  }

  @Test
  void spamAndTrashRememberWhereCommentsCameFromAndRestorePutsThemBack() {
    long post = post(admin);
    long approved = comment(post, null, CommentStatus.APPROVED);
    long pending = comment(post, null, CommentStatus.PENDING);

    assertEquals(1, moderation.markSpam(admin, approved));
    assertEquals(1, moderation.trash(admin, pending));
    assertEquals(CommentStatus.SPAM, status(approved));
    assertEquals(CommentStatus.TRASH, status(pending));
    assertEquals(2, moderation.restore(admin, List.of(approved, pending)));
    assertEquals(CommentStatus.APPROVED, status(approved));
    assertEquals(CommentStatus.PENDING, status(pending));
    assertEquals(List.of(), notifications.approved, "back to public, but not news");

    // From spam to trash and back: still the status from before the spam.
    assertEquals(2, moderation.markSpam(admin, List.of(approved, pending)));
    assertEquals(2, moderation.trash(admin, List.of(approved, pending)));
    assertEquals(0, moderation.trash(admin, approved), "already in the trash");
    assertEquals(2, moderation.restore(admin, List.of(approved, pending)));
    assertEquals(CommentStatus.APPROVED, status(approved));
    assertEquals(CommentStatus.PENDING, status(pending));
    assertEquals(0, moderation.restore(admin, approved), "not in the spam or the trash");
  }

  @Test
  void restoringWithoutAKnownStatusGivesPendingAndAFirstPublicationIsAnnounced() {
    long post = post(admin);
    long binned = comment(post, null, CommentStatus.TRASH);
    assertEquals(1, moderation.restore(admin, binned));
    assertEquals(CommentStatus.PENDING, status(binned));

    long held = comment(post, null, CommentStatus.PENDING);
    moderation.approve(admin, held);
    assertEquals(List.of(held), notifications.approved);
    long spam = comment(post, null, CommentStatus.SPAM);
    assertEquals(1, moderation.approve(admin, spam), "approving spam means: not spam");
    assertEquals(CommentStatus.APPROVED, status(spam));
    assertEquals(List.of(held, spam), notifications.approved);
  }

  @Test
  void deletingForGoodTakesOnlySpamAndTrashAndKeepsRepliesInTheThread() {
    long post = post(admin);
    long top = comment(post, null, CommentStatus.APPROVED);
    long middle = comment(post, top, CommentStatus.APPROVED);
    long reply = comment(post, middle, CommentStatus.APPROVED);
    long pending = comment(post, null, CommentStatus.PENDING);
    long spam = comment(post, null, CommentStatus.SPAM);

    assertEquals(0, moderation.deletePermanently(admin, pending));
    assertEquals(CommentStatus.PENDING, status(pending));
    moderation.trash(admin, middle);
    assertEquals(2, moderation.deletePermanently(admin, List.of(middle, spam, pending)));
    assertTrue(comments.findById(middle).isEmpty());
    assertTrue(comments.findById(spam).isEmpty());
    assertEquals(top, stored(reply).parentId(), "the reply moved up to the deleted one's parent");
  }

  @Test
  void deletingAParentAndItsChildTogetherWorksInEitherOrder() {
    long post = post(admin);
    long parent = comment(post, null, CommentStatus.TRASH);
    long child = comment(post, parent, CommentStatus.TRASH);
    long grandchild = comment(post, child, CommentStatus.APPROVED);
    assertEquals(2, moderation.deletePermanently(admin, List.of(parent, child)));
    assertNull(stored(grandchild).parentId());
  }

  @Test
  void bulkActionsSkipUnknownIdsAndRefuseHugeLists() {
    long post = post(admin);
    long a = comment(post, null, CommentStatus.PENDING);
    assertEquals(1, moderation.trash(admin, List.of(a, Long.MAX_VALUE)));
    assertEquals(0, moderation.trash(admin, List.of()));
    List<Long> tooMany = LongStream.rangeClosed(a, a + ModerationQueue.MAX_BULK).boxed().toList();
    assertThrows(IllegalArgumentException.class, () -> moderation.markSpam(admin, tooMany));
    assertEquals(CommentStatus.TRASH, status(a));
  }
}
