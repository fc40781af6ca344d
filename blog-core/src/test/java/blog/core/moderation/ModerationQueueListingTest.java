package blog.core.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentStatus;
import blog.core.identity.IdentityRepository;
import blog.core.testing.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModerationQueueListingTest extends ModerationTestBase {
  /** Ids of {@code n} pending comments on the post, in queue order (newest first, then id). */
  private List<Long> pendingComments(long post, int n) {
    return comments(post, n, List.of(CommentStatus.PENDING));
  }

  /** {@code n} comments taking {@code statuses} in turn, in queue order. */
  private List<Long> comments(long post, int n, List<CommentStatus> statuses) {
    record Made(long id, Instant at) {}
    List<Made> made = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // Five at a time share a creation time: the id alone must order them.
      Instant at = NOW.minusSeconds(3_600).plusSeconds(i / 5).plusNanos(123_000);
      made.add(new Made(comment(post, statuses.get(i % statuses.size()), at), at));
    }
    return made.stream()
        .sorted(
            Comparator.comparing(Made::at)
                .reversed()
                .thenComparing(Made::id, Comparator.reverseOrder()))
        .map(Made::id)
        .toList();
  }

  private static List<Long> ids(QueuePage page) {
    return page.rows().stream().map(QueueRow::id).toList();
  }

  @Test
  void pagesGoDownAndBackUpWithoutRepeatsOrGapsEvenWhenTimesAreEqual() {
    long post = post(admin);
    List<Long> expected = pendingComments(post, 47);
    comment(post, CommentStatus.SPAM, NOW.minusSeconds(3_000));
    QueueQuery first = QueueQuery.first(QueueView.PENDING).onPost(post);

    List<QueuePage> pages = new ArrayList<>();
    QueuePage page = moderation.list(admin, first);
    pages.add(page);
    while (page.hasOlder()) {
      page = moderation.list(admin, first.olderThan(page.older()));
      pages.add(page);
    }
    assertEquals(List.of(20, 20, 7), pages.stream().map(p -> p.rows().size()).toList());
    List<Long> seen = pages.stream().flatMap(p -> ids(p).stream()).toList();
    assertEquals(expected, seen, "every comment once, newest first");
    assertFalse(pages.get(0).hasNewer(), "nothing above the first page");
    assertTrue(pages.get(1).hasNewer());

    QueuePage back = moderation.list(admin, first.newerThan(pages.get(2).newer()));
    assertEquals(ids(pages.get(1)), ids(back));
    assertEquals(pages.get(1).older(), back.older());
    QueuePage top = moderation.list(admin, first.newerThan(back.newer()));
    assertEquals(ids(pages.get(0)), ids(top));
    assertFalse(top.hasNewer());
  }

  @Test
  void theAllTabPagesThroughPendingAndApprovedCommentsAsOneList() {
    long post = post(admin);
    List<Long> expected =
        comments(
            post,
            45,
            List.of(
                CommentStatus.PENDING,
                CommentStatus.APPROVED,
                CommentStatus.APPROVED,
                CommentStatus.SPAM));
    List<Long> shown = expected.stream().filter(id -> status(id) != CommentStatus.SPAM).toList();
    QueueQuery all = QueueQuery.first(QueueView.ALL).onPost(post);
    List<Long> seen = new ArrayList<>();
    QueuePage page = moderation.list(admin, all);
    seen.addAll(ids(page));
    while (page.hasOlder()) {
      page = moderation.list(admin, all.olderThan(page.older()));
      seen.addAll(ids(page));
    }
    assertEquals(shown, seen);
    QueuePage back = moderation.list(admin, all.newerThan(page.newer()));
    assertEquals(shown.subList(0, 20), ids(back));
  }

  @Test
  void cursorsSurviveTheirAddressesAndNewCommentsDoNotShiftLaterPages() {
    long post = post(admin);
    List<Long> expected = pendingComments(post, 25);
    QueueQuery first = QueueQuery.first(QueueView.PENDING).onPost(post);
    QueuePage one = moderation.list(admin, first);
    String token = one.older().token();
    assertTrue(token.matches("[0-9.]+"), token);

    comment(post, CommentStatus.PENDING, NOW); // arrives while the moderator reads page 1
    QueuePage two = moderation.list(admin, first.olderThan(QueueCursor.parse(token).orElseThrow()));
    assertEquals(expected.subList(20, 25), ids(two));
    assertEquals(Optional.empty(), QueueCursor.parse("1.2"));
    assertEquals(Optional.empty(), QueueCursor.parse("x.1.2"));
  }

  @Test
  void allMeansPendingAndApprovedAndTheOtherTabsHoldTheirStatus() {
    long post = post(admin);
    long pending = comment(post, CommentStatus.PENDING, NOW.minusSeconds(50));
    long approved = comment(post, CommentStatus.APPROVED, NOW.minusSeconds(40));
    long spam = comment(post, CommentStatus.SPAM, NOW.minusSeconds(30));
    long trash = comment(post, CommentStatus.TRASH, NOW.minusSeconds(20));
    assertEquals(List.of(approved, pending), ids(list(QueueView.ALL, post)));
    assertEquals(List.of(pending), ids(list(QueueView.PENDING, post)));
    assertEquals(List.of(approved), ids(list(QueueView.APPROVED, post)));
    assertEquals(List.of(spam), ids(list(QueueView.SPAM, post)));
    assertEquals(List.of(trash), ids(list(QueueView.TRASH, post)));
    QueuePage only = list(QueueView.ALL, post);
    assertFalse(only.hasOlder());
    assertFalse(only.hasNewer());
  }

  private QueuePage list(QueueView view, long post) {
    return moderation.list(admin, QueueQuery.first(view).onPost(post));
  }

  @Test
  void aRowCarriesWhatAModeratorNeedsToDecide() {
    long post = post(admin);
    String title = posts.findById(post).orElseThrow().title();
    long guest = detailedComment(post, null, "first comment from this commenter");
    long identity =
        new IdentityRepository(db.database().jdbi())
            .save("github", Fixtures.unique("gh"), "Octo Cat", null, null, null, NOW)
            .id();
    long signedIn = detailedComment(post, identity, null);

    QueueRow row = moderation.find(admin, guest).orElseThrow();
    assertEquals(post, row.postId());
    assertEquals(title, row.postTitle());
    assertEquals("Gus Guest", row.authorName());
    assertEquals("gus@example.org", row.authorEmail());
    assertEquals("https://gus.example", row.authorUrl());
    assertEquals("192.0.2.7", row.clientIp());
    assertEquals("Mozilla/5.0 (Test)", row.userAgent());
    assertEquals("first comment from this commenter", row.heldReason());
    assertEquals("Look at *this*.", row.bodySource());
    assertEquals("<p>Look at <em>this</em>.</p>\n", row.bodyHtml());
    assertEquals(CommentStatus.PENDING, row.status());
    assertEquals(NOW.minusSeconds(60), row.createdAt());
    assertNull(row.parentId());
    assertNull(row.identityProvider());

    QueueRow viaLogIn =
        list(QueueView.PENDING, post).rows().stream()
            .filter(r -> r.id() == signedIn)
            .findFirst()
            .orElseThrow();
    assertEquals("github", viaLogIn.identityProvider());
    assertEquals("Octo Cat", viaLogIn.identityName());
    assertEquals(Optional.empty(), moderation.find(admin, Long.MAX_VALUE));
  }

  @Test
  void countsPerStatusForTheBadgeAndTheTabs() {
    long post = post(admin);
    for (CommentStatus status :
        List.of(
            CommentStatus.PENDING,
            CommentStatus.PENDING,
            CommentStatus.PENDING,
            CommentStatus.APPROVED,
            CommentStatus.APPROVED,
            CommentStatus.SPAM)) {
      comment(post, status, NOW.minusSeconds(100));
    }
    QueueCounts counts = moderation.counts(admin, post);
    assertEquals(new QueueCounts(3, 2, 1, 0), counts);
    assertEquals(5, counts.all());
    assertEquals(3, counts.of(QueueView.PENDING));
    assertEquals(0, counts.of(QueueView.TRASH));

    QueueCounts everywhere = moderation.counts(admin, null);
    assertTrue(everywhere.pending() >= 3, "the whole blog counts at least this post");
  }

  @Test
  void queueViewsComeFromRequestParameters() {
    assertEquals(Optional.of(QueueView.SPAM), QueueView.fromParam(" Spam"));
    assertEquals(Optional.empty(), QueueView.fromParam("deleted"));
    assertEquals(
        new HashSet<>(List.of(CommentStatus.PENDING, CommentStatus.APPROVED)),
        new HashSet<>(QueueView.ALL.statuses()));
  }
}
