package blog.core.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentService.Outcome;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommentEditingTest extends DatabaseTestBase {
  private static final Instant T = Instant.parse("2026-04-01T10:00:00Z");

  private CommentEditing editing;
  private CommentRepository comments;
  private SettingsRepository settings;
  private Fixtures fixtures;
  private long post;

  @Override
  protected void prepare() {
    var jdbi = db.database().jdbi();
    comments = new CommentRepository(jdbi);
    settings = new SettingsRepository(jdbi);
    fixtures = new Fixtures(jdbi);
    editing = new CommentEditing(comments, settings, new CommentRenderer());
    post =
        fixtures.post(fixtures.author("Ed"), "Editable", PostStatus.PUBLISHED, T.minusSeconds(600));
    settings.putAll(
        Map.of(
            DiscussionSettings.EDIT_WINDOW_MINUTES, "15",
            DiscussionSettings.MAX_LINKS, "2",
            DiscussionSettings.BLOCKLIST, "casino"));
  }

  @Test
  void theAuthorMayEditWithinTheWindowAndTheTextIsRenderedAgain() {
    long id = fixtures.comment(post, null, "Ann", "Frist!", T);
    Comment edited =
        assertInstanceOf(
                Outcome.Stored.class,
                editing.edit(id, "First, *properly*.", Set.of(id), T.plusSeconds(60)))
            .comment();
    assertEquals("First, *properly*.", edited.bodySource());
    assertTrue(edited.bodyHtml().contains("<em>properly</em>"));
    assertEquals(T.plusSeconds(60), edited.editedAt());
    assertEquals(CommentStatus.APPROVED, edited.status());
  }

  @Test
  void othersAndLatecomersMayNot() {
    long id = fixtures.comment(post, null, "Bob", "Mine.", T);
    assertEquals(
        CommentEditing.TOO_LATE,
        refusal(editing.edit(id, "Hijacked", Set.of(id + 1), T.plusSeconds(60))));
    assertEquals(
        CommentEditing.TOO_LATE,
        refusal(editing.edit(id, "Too late", Set.of(id), T.plusSeconds(15 * 60))));
    assertEquals(Optional.of(CommentEditing.TOO_LATE), editing.delete(id, Set.of(), T));
    assertEquals("Mine.", comments.findById(id).orElseThrow().bodySource());
  }

  @Test
  void anEditMustPassTheContentRules() {
    long id = fixtures.comment(post, null, "Cy", "Innocent.", T);
    Comment held =
        assertInstanceOf(
                Outcome.Stored.class,
                editing.edit(
                    id, "https://a.example https://b.example https://c.example", Set.of(id), T))
            .comment();
    assertEquals(CommentStatus.PENDING, held.status());
    assertTrue(held.heldReason().startsWith("after an edit"), held.heldReason());

    long other = fixtures.comment(post, null, "Di", "Fine.", T);
    Comment spam =
        assertInstanceOf(
                Outcome.Stored.class, editing.edit(other, "Visit my CASINO", Set.of(other), T))
            .comment();
    assertEquals(CommentStatus.SPAM, spam.status());

    long third = fixtures.comment(post, null, "Ed", "Text.", T);
    assertEquals("body", firstField(editing.edit(third, "  ", Set.of(third), T)));
  }

  @Test
  void theAuthorMayDeleteWithinTheWindow() {
    long id = fixtures.comment(post, null, "Flo", "Oops.", T);
    assertEquals(Optional.empty(), editing.delete(id, Set.of(id), T.plusSeconds(30)));
    assertEquals(CommentStatus.TRASH, comments.findById(id).orElseThrow().status());
  }

  private static String refusal(Outcome outcome) {
    return assertInstanceOf(Outcome.Refused.class, outcome).errors().get(0).message();
  }

  private static String firstField(Outcome outcome) {
    return assertInstanceOf(Outcome.Refused.class, outcome).errors().get(0).field();
  }
}
