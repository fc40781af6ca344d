package blog.core.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.FieldError;
import blog.core.post.Post;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AutosavesTest extends DatabaseTestBase {
  private EditorKit kit;
  private Actor ada;

  @Override
  protected void prepare() {
    kit = new EditorKit(db.database().jdbi(), Instant.parse("2031-11-01T08:00:00Z"));
    ada = kit.author("Ada");
  }

  private Post post() {
    return kit.create(ada, Form.published(Fixtures.unique("Saved"), "saved text"));
  }

  private Autosave autosave(Actor actor, Post post, String body) {
    kit.clock.advance(Duration.ofSeconds(10));
    AutosaveResult result =
        kit.autosaves.autosave(actor, post.id(), post.version(), new PostText("T", body, ""));
    return assertInstanceOf(Autosaved.class, result).autosave();
  }

  @Test
  void anAutosaveTouchesNeitherThePostNorItsRevisions() {
    Post post = post();
    autosave(ada, post, "typing…");
    assertEquals(post, kit.posts.findById(post.id()).orElseThrow());
    assertEquals(1, kit.history.revisions(ada, post.id()).size());
  }

  @Test
  void eachUserKeepsOneAutosavePerPostOverwritten() {
    Post post = post();
    autosave(ada, post, "first");
    Autosave second = autosave(ada, post, "second");
    assertEquals("second", second.text().bodyMarkdown());
    assertEquals(post.version(), second.baseVersion());
    int rows =
        kit.jdbi.withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM autosaves WHERE post_id = :id")
                    .bind("id", post.id())
                    .mapTo(Integer.class)
                    .one());
    assertEquals(1, rows);
  }

  @Test
  void aNewerAutosaveIsOfferedWhenThePostIsOpened() {
    Post post = post();
    Autosave autosave = autosave(ada, post, "unsaved words");
    assertEquals(autosave, kit.editor.open(ada, post.id()).newerAutosave().orElseThrow());
    Actor admin = kit.admin("Root");
    assertTrue(kit.editor.open(admin, post.id()).newerAutosave().isEmpty(), "it is Ada's");
  }

  @Test
  void aSaveSupersedesTheSaversAutosave() {
    Post post = post();
    autosave(ada, post, "unsaved words");
    kit.clock.advance(Duration.ofSeconds(5));
    kit.update(ada, post, kit.formOf(post).body("saved words"));
    assertTrue(kit.editor.open(ada, post.id()).newerAutosave().isEmpty());
    assertTrue(kit.autosaveRows.findForPost(ada.userId(), post.id()).isEmpty());
  }

  @Test
  void anAutosaveOlderThanSomeoneElsesSaveIsNotOffered() {
    Actor admin = kit.admin("Root");
    Post post = post();
    autosave(ada, post, "Ada typing");
    kit.clock.advance(Duration.ofSeconds(5));
    kit.update(admin, post, kit.formOf(post).body("Admin saved"));
    assertTrue(kit.editor.open(ada, post.id()).newerAutosave().isEmpty());
  }

  @Test
  void anAutosaveSameAsThePostIsNotOffered() {
    Post post = post();
    kit.clock.advance(Duration.ofSeconds(10));
    kit.autosaves.autosave(
        ada, post.id(), post.version(), new PostText(post.title(), "saved text", ""));
    assertTrue(kit.editor.open(ada, post.id()).newerAutosave().isEmpty());
  }

  @Test
  void anAutosaveCanBeAdoptedAsASaveWithARevision() {
    Post post = post();
    autosave(ada, post, "recovered after a crash");
    SaveResult result = kit.editor.promoteAutosave(ada, post.id(), post.version());
    Post saved = assertInstanceOf(Saved.class, result).post();
    assertEquals("recovered after a crash", saved.bodyMarkdown());
    assertEquals("T", saved.title());
    assertEquals(post.slug(), saved.slug());
    assertEquals(RevisionKind.AUTOSAVE, kit.history.revisions(ada, post.id()).get(0).kind());
    assertTrue(kit.autosaveRows.findForPost(ada.userId(), post.id()).isEmpty());
    Invalid none =
        assertInstanceOf(
            Invalid.class, kit.editor.promoteAutosave(ada, post.id(), saved.version()));
    assertEquals(FieldError.FORM, none.errors().get(0).field());
  }

  @Test
  void aNewPostsAutosaveLivesUnderItsDraftKeyUntilTheFirstSave() {
    String key = "k" + Fixtures.unique("draft").replaceAll("[^a-z0-9]", "");
    PostText text = new PostText("", "started typing", "");
    assertInstanceOf(Autosaved.class, kit.autosaves.autosaveDraft(ada, key, text));
    assertEquals(text, kit.autosaves.draft(ada, key).orElseThrow().text());
    assertTrue(kit.autosaves.draft(kit.author("Bob"), key).isEmpty(), "keys are per user");

    SaveResult created =
        kit.editor.create(
            ada, Form.draft(Fixtures.unique("Now saved"), "started typing").build(), key);
    assertInstanceOf(Saved.class, created);
    assertTrue(kit.autosaves.draft(ada, key).isEmpty());
  }

  @Test
  void unusableDraftKeysAndOversizedTextAreRefused() {
    PostText text = new PostText("t", "b", "");
    for (String key : new String[] {null, "short", "has space in it", "x".repeat(65)}) {
      assertInstanceOf(Invalid.class, kit.autosaves.autosaveDraft(ada, key, text), "" + key);
    }
    Post post = post();
    Invalid tooLong =
        assertInstanceOf(
            Invalid.class,
            kit.autosaves.autosave(
                ada, post.id(), 1, new PostText("x".repeat(PostChanges.MAX_TITLE + 1), "", "")));
    assertEquals("title", tooLong.errors().get(0).field());
  }

  @Test
  void othersMayNotAutosaveAnAuthorsPostNorATrashedOne() {
    Post post = post();
    Actor bob = kit.author("Bob");
    assertThrows(
        ForbiddenException.class,
        () -> kit.autosaves.autosave(bob, post.id(), 1, new PostText("t", "b", "")));
    Post trashed = kit.trash.trash(ada, post.id());
    assertInstanceOf(
        Invalid.class,
        kit.autosaves.autosave(ada, post.id(), trashed.version(), new PostText("t", "b", "")));
  }

  @Test
  void aDismissedAutosaveIsGone() {
    Post post = post();
    autosave(ada, post, "never mind");
    kit.autosaves.discard(ada, post.id());
    assertTrue(kit.editor.open(ada, post.id()).newerAutosave().isEmpty());
  }
}
