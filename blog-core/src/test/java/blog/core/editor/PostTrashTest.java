package blog.core.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.Post;
import blog.core.post.PostStatus;
import blog.core.taxonomy.Taxonomy;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import blog.core.text.Slugs;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PostTrashTest extends DatabaseTestBase {
  private EditorKit kit;
  private Actor ada;

  @Override
  protected void prepare() {
    kit = new EditorKit(db.database().jdbi(), Instant.parse("2031-05-01T08:00:00Z"));
    ada = kit.author("Ada");
  }

  @Test
  void aTrashedPostLeavesTheBlogAndComesBackAsItWas() {
    Post post = kit.create(ada, Form.published(Fixtures.unique("Oops"), "text"));
    Post trashed = kit.trash.trash(ada, post.id());
    assertEquals(PostStatus.TRASH, trashed.status());
    assertEquals(post.version() + 1, trashed.version(), "an open editor will see a conflict");
    assertTrue(kit.posts.findVisibleBySlug(post.slug(), kit.clock.instant()).isEmpty());
    assertEquals(trashed, kit.trash.trash(ada, post.id()), "trashing twice changes nothing");

    Post restored = kit.trash.restore(ada, post.id());
    assertEquals(PostStatus.PUBLISHED, restored.status());
    assertEquals(post.publishedAt(), restored.publishedAt());
    assertEquals(post.slug(), restored.slug());
    assertTrue(kit.posts.findVisibleBySlug(post.slug(), kit.clock.instant()).isPresent());
  }

  @Test
  void aRestoredDraftIsADraftAndAScheduledPostKeepsItsTime() {
    Post draft = kit.create(ada, Form.draft(Fixtures.unique("Draft"), ""));
    kit.trash.trash(ada, draft.id());
    assertEquals(PostStatus.DRAFT, kit.trash.restore(ada, draft.id()).status());

    Instant at = kit.clock.instant().plus(Duration.ofDays(1));
    Post scheduled =
        kit.create(
            ada,
            Form.draft(Fixtures.unique("Sched"), "").status(PostStatus.SCHEDULED).publishAt(at));
    kit.trash.trash(ada, scheduled.id());
    Post back = kit.trash.restore(ada, scheduled.id());
    assertEquals(PostStatus.SCHEDULED, back.status());
    assertEquals(at, back.publishedAt());
  }

  @Test
  void anEditorOpenOnATrashedPostGetsAConflictNotAResurrection() {
    Post post = kit.create(ada, Form.published(Fixtures.unique("Open"), "text"));
    Form open = kit.formOf(post).body("typed meanwhile");
    kit.trash.trash(ada, post.id());
    SaveResult result = kit.editor.update(ada, post.id(), post.version(), open.build());
    assertEquals(PostStatus.TRASH, assertInstanceOf(EditConflict.class, result).stored().status());
  }

  @Test
  void onlyTrashedPostsCanBeDeletedForGood() {
    Post post = kit.create(ada, Form.published(Fixtures.unique("Live"), "text"));
    long comment = kit.fixtures.comment(post.id(), null, "Reader", "Hi", kit.clock.instant());
    assertFalse(kit.trash.deletePermanently(ada, post.id()));
    assertTrue(kit.posts.findById(post.id()).isPresent());
    assertEquals(1, kit.fixtures.countComments(post.id()));
    assertTrue(comment > 0);
  }

  @Test
  void deletingForGoodTakesCommentsTermLinksRevisionsRedirectsAndAutosaves() {
    String tag = Fixtures.unique("Kept tag");
    Post post = kit.create(ada, Form.published(Fixtures.unique("Doomed"), "v1").tags(tag));
    Post renamed = kit.update(ada, post, kit.formOf(post).slug(post.slug() + "-renamed"));
    kit.autosaves.autosave(ada, post.id(), renamed.version(), new PostText("t", "typing", ""));
    Instant at = kit.clock.instant();
    long parent = kit.fixtures.comment(post.id(), null, "Reader", "First", at);
    kit.fixtures.comment(post.id(), parent, "Other", "Reply", at.plusSeconds(1));
    kit.trash.trash(ada, post.id());

    assertTrue(kit.trash.deletePermanently(ada, post.id()));

    assertTrue(kit.posts.findById(post.id()).isEmpty());
    assertEquals(0, kit.fixtures.countComments(post.id()));
    assertEquals(0, rows("post_terms", post.id()));
    assertEquals(0, rows("post_revisions", post.id()));
    assertEquals(0, rows("slug_redirects", post.id()));
    assertEquals(0, rows("autosaves", post.id()));
    assertTrue(kit.oldPermalinks.findByOldSlug(post.slug()).isEmpty());
    assertTrue(
        kit.terms.findBySlug(Taxonomy.TAG, Slugs.slugify(tag)).isPresent(),
        "the tag itself stays, as in WordPress");
  }

  @Test
  void authorsMayTrashOnlyTheirOwnPosts() {
    Actor bob = kit.author("Bob");
    Actor admin = kit.admin("Root");
    Post post = kit.create(ada, Form.draft(Fixtures.unique("Ada's"), ""));
    assertThrows(ForbiddenException.class, () -> kit.trash.trash(bob, post.id()));
    assertEquals(PostStatus.DRAFT, kit.posts.findById(post.id()).orElseThrow().status());
    kit.trash.trash(admin, post.id());
    assertThrows(ForbiddenException.class, () -> kit.trash.restore(bob, post.id()));
    assertThrows(ForbiddenException.class, () -> kit.trash.deletePermanently(bob, post.id()));
    assertTrue(kit.posts.findById(post.id()).isPresent());
    assertTrue(kit.trash.deletePermanently(ada, post.id()));
  }

  private int rows(String table, long postId) {
    return kit.jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE post_id = :id")
                .bind("id", postId)
                .mapTo(Integer.class)
                .one());
  }
}
