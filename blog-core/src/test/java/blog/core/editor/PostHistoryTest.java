package blog.core.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.NotFoundException;
import blog.core.post.Post;
import blog.core.post.PostStatus;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostHistoryTest extends DatabaseTestBase {
  private EditorKit kit;
  private Actor ada;

  @Override
  protected void prepare() {
    kit = new EditorKit(db.database().jdbi(), Instant.parse("2031-09-01T08:00:00Z"));
    ada = kit.author("Ada");
  }

  /** A published post saved three times: bodies "a\nb\nc", "a\nB\nc", "a\nB\nc\nd". */
  private Post threeVersions() {
    Post post = kit.create(ada, Form.published(Fixtures.unique("History"), "a\nb\nc"));
    kit.clock.advance(Duration.ofMinutes(1));
    Post second = kit.update(ada, post, kit.formOf(post).body("a\nB\nc"));
    kit.clock.advance(Duration.ofMinutes(1));
    return kit.update(ada, second, kit.formOf(second).body("a\nB\nc\nd").title("Renamed"));
  }

  @Test
  void revisionsAreListedNewestFirstWithWhoAndWhen() {
    Post post = threeVersions();
    List<Revision> revisions = kit.history.revisions(ada, post.id());
    assertEquals(
        List.of("a\nB\nc\nd", "a\nB\nc", "a\nb\nc"),
        revisions.stream().map(r -> r.text().bodyMarkdown()).toList());
    assertEquals(
        List.of(RevisionKind.UPDATE, RevisionKind.UPDATE, RevisionKind.CREATE),
        revisions.stream().map(Revision::kind).toList());
    assertTrue(revisions.get(0).createdAt().isAfter(revisions.get(1).createdAt()));
    assertEquals(ada.userId(), revisions.get(0).userId());
    Revision oldest = revisions.get(2);
    assertEquals(oldest, kit.history.revision(ada, post.id(), oldest.id()).orElseThrow());
  }

  @Test
  void aRevisionIsFoundOnlyUnderItsOwnPost() {
    Post one = threeVersions();
    Post other = kit.create(ada, Form.draft(Fixtures.unique("Other"), ""));
    long revisionOfOne = kit.history.revisions(ada, one.id()).get(0).id();
    assertTrue(kit.history.revision(ada, other.id(), revisionOfOne).isEmpty());
    assertThrows(
        NotFoundException.class, () -> kit.history.diffWithCurrent(ada, other.id(), revisionOfOne));
  }

  @Test
  void twoRevisionsAreComparedFieldByField() {
    Post post = threeVersions();
    List<Revision> revisions = kit.history.revisions(ada, post.id());
    RevisionDiff diff =
        kit.history.diff(ada, post.id(), revisions.get(2).id(), revisions.get(0).id());
    assertTrue(diff.body().unified().contains("-b\n+B\n c\n+d\n"), diff.body().unified());
    assertFalse(diff.title().identical());
    assertTrue(diff.excerpt().identical());
    assertTrue(diff.from().startsWith("revision " + revisions.get(2).id()));
  }

  @Test
  void aRevisionIsComparedWithThePostAsItIsNow() {
    Post post = threeVersions();
    Revision latest = kit.history.revisions(ada, post.id()).get(0);
    assertTrue(kit.history.diffWithCurrent(ada, post.id(), latest.id()).identical());
    Revision first = kit.history.revisions(ada, post.id()).get(2);
    RevisionDiff diff = kit.history.diffWithCurrent(ada, post.id(), first.id());
    assertEquals("current (version 3)", diff.to());
    assertTrue(diff.body().unified().contains("+d\n"));
  }

  @Test
  void restoringARevisionIsANewSaveWithItsOwnRevision() {
    Post post = threeVersions();
    Revision first = kit.history.revisions(ada, post.id()).get(2);
    SaveResult result = kit.editor.restoreRevision(ada, post.id(), first.id(), post.version());
    Post restored = assertInstanceOf(Saved.class, result).post();
    assertEquals("a\nb\nc", restored.bodyMarkdown());
    assertEquals(first.text().title(), restored.title());
    assertEquals(4, restored.version());
    assertEquals(post.slug(), restored.slug());
    assertEquals(PostStatus.PUBLISHED, restored.status());
    assertEquals(post.publishedAt(), restored.publishedAt());
    Revision newest = kit.history.revisions(ada, post.id()).get(0);
    assertEquals(RevisionKind.RESTORE, newest.kind());
    assertEquals(4, newest.postVersion());
  }

  @Test
  void restoringOverAStaleVersionIsAConflict() {
    Post post = threeVersions();
    Revision first = kit.history.revisions(ada, post.id()).get(2);
    SaveResult result = kit.editor.restoreRevision(ada, post.id(), first.id(), 2);
    EditConflict conflict = assertInstanceOf(EditConflict.class, result);
    assertEquals("a\nb\nc", conflict.attempted().bodyMarkdown());
    assertEquals(post, kit.posts.findById(post.id()).orElseThrow());
  }

  @Test
  void othersMayNotReadOrRestoreAnAuthorsRevisions() {
    Actor bob = kit.author("Bob");
    Actor admin = kit.admin("Root");
    Post post = threeVersions();
    long revision = kit.history.revisions(ada, post.id()).get(2).id();
    assertThrows(ForbiddenException.class, () -> kit.history.revision(bob, post.id(), revision));
    assertThrows(
        ForbiddenException.class, () -> kit.history.diff(bob, post.id(), revision, revision));
    assertThrows(
        ForbiddenException.class,
        () -> kit.editor.restoreRevision(bob, post.id(), revision, post.version()));
    assertEquals(3, kit.history.revisions(admin, post.id()).size());
  }
}
