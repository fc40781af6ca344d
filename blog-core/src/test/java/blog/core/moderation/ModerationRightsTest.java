package blog.core.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentService.Outcome;
import blog.core.comment.CommentStatus;
import blog.core.identity.Role;
import blog.core.identity.User;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModerationRightsTest extends ModerationTestBase {
  @Test
  void authorsModerateCommentsOnTheirOwnPostsOnly() {
    User mine = user(Role.AUTHOR, "Ann Author");
    User theirs = user(Role.AUTHOR, "Bob Author");
    long myPost = post(mine);
    long theirPost = post(theirs);
    long onMine = comment(myPost, null, CommentStatus.PENDING);
    long onTheirs = comment(theirPost, null, CommentStatus.PENDING);

    assertEquals(1, moderation.approve(mine, onMine));
    assertThrows(ModerationForbiddenException.class, () -> moderation.approve(mine, onTheirs));
    assertThrows(ModerationForbiddenException.class, () -> moderation.trash(mine, onTheirs));
    assertThrows(
        ModerationForbiddenException.class,
        () -> moderation.deletePermanently(mine, List.of(onMine, onTheirs)));
    assertEquals(CommentStatus.PENDING, status(onTheirs));
    assertThrows(
        ModerationForbiddenException.class,
        () -> moderation.unapprove(mine, List.of(onMine, onTheirs)));
    assertEquals(CommentStatus.APPROVED, status(onMine), "a refused bulk action changes nothing");
    assertThrows(ModerationForbiddenException.class, () -> moderation.find(mine, onTheirs));
    assertThrows(
        ModerationForbiddenException.class,
        () -> moderation.edit(mine, onTheirs, new CommentEdit("X", "", "", "Changed.")));
    assertThrows(
        ModerationForbiddenException.class, () -> moderation.reply(mine, onTheirs, "Hi.", null));
    assertEquals("Hello.", stored(onTheirs).bodySource());

    assertEquals(1, moderation.approve(admin, onTheirs), "admins moderate everything");
    assertTrue(moderation.reply(admin, onMine, "Admin here.", null) instanceof Outcome.Stored);
  }

  @Test
  void anAuthorsQueueAndCountsHoldOnlyTheirPosts() {
    User mine = user(Role.AUTHOR, "Cat Author");
    User theirs = user(Role.AUTHOR, "Dan Author");
    long myPost = post(mine);
    long onMine = comment(myPost, null, CommentStatus.PENDING);
    long onTheirs = comment(post(theirs), null, CommentStatus.PENDING);

    QueuePage page = moderation.list(mine, QueueQuery.first(QueueView.PENDING));
    assertEquals(List.of(onMine), page.rows().stream().map(QueueRow::id).toList());
    assertEquals(new QueueCounts(1, 0, 0, 0), moderation.counts(mine, null));
    QueuePage elsewhere =
        moderation.list(mine, QueueQuery.first(QueueView.ALL).onPost(stored(onTheirs).postId()));
    assertEquals(List.of(), elsewhere.rows());
    assertTrue(
        moderation.list(admin, QueueQuery.first(QueueView.PENDING)).rows().stream()
            .anyMatch(r -> r.id() == onTheirs));
  }
}
