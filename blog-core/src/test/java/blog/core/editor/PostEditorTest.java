package blog.core.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.NotFoundException;
import blog.core.comment.FieldError;
import blog.core.post.Listing;
import blog.core.post.Post;
import blog.core.post.PostStatus;
import blog.core.taxonomy.Taxonomy;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import blog.core.text.Slugs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PostEditorTest extends DatabaseTestBase {
  private EditorKit kit;
  private Actor ada;

  @Override
  protected void prepare() {
    kit = new EditorKit(db.database().jdbi(), Instant.parse("2031-03-10T10:00:00Z"));
    ada = kit.author("Ada");
  }

  private Instant now() {
    return kit.clock.instant();
  }

  @Test
  void newDraftGetsSlugFromTitleSafeHtmlTermsAndAFirstRevision() {
    String title = "Héllo Wörld " + Fixtures.unique("t");
    Post post =
        kit.create(
            ada,
            Form.draft(title, "Some *Markdown*\n\n<script>alert(1)</script>")
                .excerpt("  Short.  ")
                .categories("News")
                .tags("Java", " java ", "Café"));
    assertEquals(Slugs.slugify(title), post.slug());
    assertTrue(post.slug().startsWith("hello-world-"), post.slug());
    assertTrue(post.bodyHtml().contains("<em>Markdown</em>"), post.bodyHtml());
    assertFalse(post.bodyHtml().contains("<script"), post.bodyHtml());
    assertEquals("Short.", post.excerpt());
    assertEquals(PostStatus.DRAFT, post.status());
    assertNull(post.publishedAt());
    assertEquals(1, post.version());
    assertEquals(ada.userId(), post.authorId());
    assertTrue(post.commentsOpen());

    EditablePost opened = kit.editor.open(ada, post.id());
    assertEquals(List.of("News"), opened.categories());
    assertEquals(List.of("Café", "Java"), opened.tags(), "one tag per slug");
    List<Revision> revisions = kit.history.revisions(ada, post.id());
    assertEquals(1, revisions.size());
    assertEquals(RevisionKind.CREATE, revisions.get(0).kind());
    assertEquals(1, revisions.get(0).postVersion());
    assertEquals(title, revisions.get(0).text().title());
    assertEquals("Ada", revisions.get(0).userName());
  }

  @Test
  void takenSlugsGetNumberedSuffixes() {
    String title = Fixtures.unique("Same title");
    Post first = kit.create(ada, Form.draft(title, "1"));
    Post second = kit.create(ada, Form.draft(title, "2"));
    Post third = kit.create(ada, Form.draft(title, "3"));
    assertEquals(first.slug() + "-2", second.slug());
    assertEquals(first.slug() + "-3", third.slug());
    Post chosen = kit.create(ada, Form.draft("Other", "4").slug(first.slug()));
    assertEquals(first.slug() + "-4", chosen.slug(), "a chosen slug that is taken gets a suffix");
  }

  @Test
  void postsCreatedAtOnceUnderOneTitleGetDistinctSlugs() throws Exception {
    String title = Fixtures.unique("Race");
    int writers = 3;
    CyclicBarrier start = new CyclicBarrier(writers);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<SaveResult>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return kit.editor.create(ada, Form.draft(title, "").build());
                }));
      }
      Set<String> slugs = new HashSet<>();
      for (Future<SaveResult> result : results) {
        slugs.add(assertInstanceOf(Saved.class, result.get()).post().slug());
      }
      String base = Slugs.slugify(title);
      assertEquals(Set.of(base, base + "-2", base + "-3"), slugs);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aLongSlugLeavesRoomForItsSuffix() {
    String slug = Fixtures.unique("x").replaceAll("[^a-z0-9]", "") + "-" + "a".repeat(200);
    slug = slug.substring(0, 200);
    Post first = kit.create(ada, Form.draft("Long", "").slug(slug));
    Post second = kit.create(ada, Form.draft("Long", "").slug(slug));
    assertEquals(slug, first.slug());
    assertEquals(200, second.slug().length());
    assertEquals(slug.substring(0, 198) + "-2", second.slug());
  }

  @Test
  void publishingNowDatesThePostNowAndShowsItToReaders() {
    Post post = kit.create(ada, Form.published(Fixtures.unique("Now"), "Hi"));
    assertEquals(PostStatus.PUBLISHED, post.status());
    assertEquals(now(), post.publishedAt());
    assertTrue(kit.posts.findVisibleBySlug(post.slug(), now()).isPresent());
  }

  @Test
  void aScheduledPostAppearsWhenItsTimeComesWithoutAnotherSave() {
    Instant at = now().plus(Duration.ofHours(2));
    Post post =
        kit.create(
            ada,
            Form.draft(Fixtures.unique("Later"), "Soon")
                .status(PostStatus.SCHEDULED)
                .publishAt(at));
    assertEquals(PostStatus.SCHEDULED, post.status());
    assertTrue(kit.posts.findVisibleBySlug(post.slug(), now()).isEmpty());
    assertTrue(kit.posts.findVisibleBySlug(post.slug(), at).isPresent());
  }

  @Test
  void schedulingNeedsATimeInTheFuture() {
    Form past =
        Form.draft("Past", "").status(PostStatus.SCHEDULED).publishAt(now().minusSeconds(60));
    assertEquals(Set.of("publishAt"), fields(kit.editor.create(ada, past.build())));
    Form none = Form.draft("None", "").status(PostStatus.SCHEDULED);
    assertEquals(Set.of("publishAt"), fields(kit.editor.create(ada, none.build())));
    Form future = Form.published("Future", "").publishAt(now().plusSeconds(60));
    assertEquals(
        Set.of("publishAt"),
        fields(kit.editor.create(ada, future.build())),
        "publishing at a future time is scheduling");
  }

  @Test
  void aScheduledPostThatCameDueWhileOpenCanStillBeSaved() {
    Instant at = now().plusSeconds(30);
    Post post =
        kit.create(
            ada, Form.draft(Fixtures.unique("Due"), "").status(PostStatus.SCHEDULED).publishAt(at));
    Form form = kit.formOf(post).body("Edited after it came out");
    kit.clock.advance(Duration.ofMinutes(5));
    Post saved = kit.update(ada, post, form);
    assertEquals(at, saved.publishedAt());
    assertTrue(saved.isVisibleAt(now()));
  }

  @Test
  void aBackdatedPostKeepsTheGivenDate() {
    Instant then = Instant.parse("2020-02-02T02:02:00Z");
    Post post = kit.create(ada, Form.published(Fixtures.unique("Old"), "").publishAt(then));
    assertEquals(then, post.publishedAt());
  }

  @Test
  void aNewDateMovesThePostInItsCategoryAndTagArchives() {
    String category = Fixtures.unique("Moving");
    String tag = Fixtures.unique("moved");
    List<Post> posts = new ArrayList<>();
    for (int day = 1; day <= 3; day++) {
      posts.add(
          kit.create(
              ada,
              Form.published("Day " + day, "")
                  .categories(category)
                  .tags(tag)
                  .publishAt(Instant.parse("2021-01-0" + day + "T00:00:00Z"))));
    }
    kit.update(
        ada,
        posts.get(0),
        kit.formOf(posts.get(0)).publishAt(Instant.parse("2021-01-05T00:00:00Z")));
    for (Taxonomy taxonomy : Taxonomy.values()) {
      long termId =
          kit.terms
              .findBySlug(taxonomy, Slugs.slugify(taxonomy == Taxonomy.CATEGORY ? category : tag))
              .orElseThrow()
              .id();
      assertEquals(
          List.of("Day 1", "Day 3", "Day 2"),
          kit.posts.list(new Listing.OfTerm(termId), now(), 10, 0).stream()
              .map(Post::title)
              .toList(),
          "newest first by the new date, in the " + taxonomy + " archive");
    }
  }

  @Test
  void editingAPublishedPostKeepsItsDate() {
    Post post = kit.create(ada, Form.published(Fixtures.unique("Dated"), "v1"));
    Instant published = post.publishedAt();
    kit.clock.advance(Duration.ofDays(3));
    Post edited = kit.update(ada, post, kit.formOf(post).body("v2").publishAt(null));
    assertEquals(published, edited.publishedAt());
    assertEquals(now(), edited.updatedAt());
  }

  @Test
  void badFieldsAreAllReportedAndNothingIsStored() {
    long before = kit.posts.count();
    Form bad =
        Form.draft("   ", "")
            .slug("Not a slug!")
            .excerpt("e".repeat(PostChanges.MAX_EXCERPT + 1))
            .tags("t".repeat(PostChanges.MAX_TERM_NAME + 1));
    assertEquals(
        Set.of("title", "slug", "excerpt", "tags"), fields(kit.editor.create(ada, bad.build())));
    assertEquals(
        Set.of("title"), fields(kit.editor.create(ada, Form.draft("t".repeat(501), "").build())));
    assertEquals(
        Set.of("status"),
        fields(kit.editor.create(ada, Form.draft("Trash?", "").status(PostStatus.TRASH).build())));
    assertEquals(
        Set.of("slug"),
        fields(kit.editor.create(ada, Form.draft("Long", "").slug("a".repeat(201)).build())));
    assertEquals(before, kit.posts.count());
  }

  @Test
  void aSaveThatFailsAtItsLastStepLeavesNoTrace() {
    // Make the revision insert, the last write of a save, fail for one title.
    kit.jdbi.useHandle(
        h ->
            h.execute(
                "ALTER TABLE post_revisions ADD CONSTRAINT test_boom_ck CHECK (title <> 'boom')"));
    try {
      String tag = Fixtures.unique("Halfway");
      String slug = Slugs.slugify(tag);
      assertThrows(
          RuntimeException.class,
          () -> kit.editor.create(ada, Form.draft("boom", "").slug(slug).tags(tag).build()));
      assertTrue(kit.terms.findBySlug(Taxonomy.TAG, slug).isEmpty(), "terms rolled back");
      int rows =
          kit.jdbi.withHandle(
              h ->
                  h.createQuery("SELECT COUNT(*) FROM posts WHERE slug = :s")
                      .bind("s", slug)
                      .mapTo(Integer.class)
                      .one());
      assertEquals(0, rows, "post rolled back");

      Post post = kit.create(ada, Form.published(Fixtures.unique("Stays"), "body"));
      assertThrows(
          RuntimeException.class,
          () -> kit.update(ada, post, kit.formOf(post).title("boom").slug("boom-slug")));
      Post after = kit.posts.findById(post.id()).orElseThrow();
      assertEquals(post, after, "post row rolled back");
      assertTrue(kit.redirects.oldSlugsOf(post.id()).isEmpty(), "redirect rolled back");
    } finally {
      kit.jdbi.useHandle(h -> h.execute("ALTER TABLE post_revisions DROP CONSTRAINT test_boom_ck"));
    }
  }

  @Test
  void everySaveBumpsTheVersionAndStoresARevision() {
    Post post = kit.create(ada, Form.draft(Fixtures.unique("Versions"), "one"));
    Post second = kit.update(ada, post, kit.formOf(post).body("two"));
    Post third = kit.update(ada, second, kit.formOf(second).body("three").categories("New"));
    assertEquals(2, second.version());
    assertEquals(3, third.version());
    assertEquals("<p>three</p>", third.bodyHtml().strip());
    List<Revision> revisions = kit.history.revisions(ada, post.id());
    assertEquals(List.of(3, 2, 1), revisions.stream().map(Revision::postVersion).toList());
    assertEquals(List.of("New"), kit.editor.open(ada, post.id()).categories());
  }

  @Test
  void savingAStaleVersionIsAConflictThatCarriesBothSidesAndWritesNothing() {
    Actor admin = kit.admin("Grace");
    Post post = kit.create(ada, Form.draft(Fixtures.unique("Contested"), "line one\nline two"));
    Form adasEdit = kit.formOf(post).body("line one\nline two, by Ada");
    Post graces = kit.update(admin, post, kit.formOf(post).body("line one\nline two, by Grace"));

    SaveResult result = kit.editor.update(ada, post.id(), post.version(), adasEdit.build());

    EditConflict conflict = assertInstanceOf(EditConflict.class, result);
    assertEquals(graces, conflict.stored());
    assertEquals("line one\nline two, by Ada", conflict.attempted().bodyMarkdown());
    assertEquals(1, conflict.attemptedVersion());
    assertTrue(conflict.bodyDiff().unified().contains("-line two, by Grace\n+line two, by Ada\n"));
    assertEquals(graces, kit.posts.findById(post.id()).orElseThrow());
    assertEquals(2, kit.history.revisions(ada, post.id()).size());

    Post resolved = kit.update(ada, conflict.stored(), adasEdit);
    assertEquals(3, resolved.version(), "saving over the stored version resolves the conflict");
  }

  @Test
  void theConditionalWriteRefusesAStaleVersion() {
    Post post = kit.create(ada, Form.draft(Fixtures.unique("Race"), "x"));
    PostChanges changes =
        PostChanges.from(kit.formOf(post).body("y").build(), ada, post, now()).changes();
    EditorPostRepository writes = new EditorPostRepository(kit.jdbi);
    assertFalse(writes.update(post.id(), 7, changes, post.slug(), "<p>y</p>", now()));
    assertTrue(writes.update(post.id(), 1, changes, post.slug(), "<p>y</p>", now()));
    assertFalse(writes.update(post.id(), 1, changes, post.slug(), "<p>y</p>", now()));
  }

  @Test
  void authorsMayChangeOnlyTheirOwnPostsAndAdminsAny() {
    Actor bob = kit.author("Bob");
    Actor admin = kit.admin("Root");
    Post adas = kit.create(ada, Form.draft(Fixtures.unique("Ada's"), "mine"));
    Form edit = kit.formOf(adas).body("Bob was here");
    assertThrows(
        ForbiddenException.class,
        () -> kit.editor.update(bob, adas.id(), adas.version(), edit.build()));
    assertThrows(ForbiddenException.class, () -> kit.editor.open(bob, adas.id()));
    assertThrows(ForbiddenException.class, () -> kit.history.revisions(bob, adas.id()));
    assertEquals("mine", kit.posts.findById(adas.id()).orElseThrow().bodyMarkdown());

    Post byAdmin = kit.update(admin, adas, kit.formOf(adas).body("Admin was here"));
    assertEquals("Admin was here", byAdmin.bodyMarkdown());
    assertEquals(ada.userId(), byAdmin.authorId(), "an admin's edit keeps the author");
    assertThrows(NotFoundException.class, () -> kit.editor.update(admin, -5, 1, edit.build()));
  }

  @Test
  void onlyAdminsChooseAnotherAuthor() {
    Actor bob = kit.author("Bob");
    Actor admin = kit.admin("Root");
    assertEquals(
        Set.of("author"),
        fields(kit.editor.create(bob, Form.draft("Ghost", "").author(ada.userId()).build())));
    Post forAda =
        kit.create(admin, Form.draft(Fixtures.unique("For Ada"), "").author(ada.userId()));
    assertEquals(ada.userId(), forAda.authorId());
    assertEquals(
        Set.of("author"),
        fields(kit.editor.create(admin, Form.draft("Nobody", "").author(-1L).build())));
    Post toBob = kit.update(admin, forAda, kit.formOf(forAda).author(bob.userId()));
    assertEquals(bob.userId(), toBob.authorId());
    kit.update(bob, toBob, kit.formOf(toBob).body("now Bob's"));
  }

  @Test
  void aDraftsSlugFollowsItsTitleUntilItIsPublished() {
    Post draft = kit.create(ada, Form.draft(Fixtures.unique("First name"), ""));
    String newTitle = Fixtures.unique("Second name");
    Post renamed = kit.update(ada, draft, kit.formOf(draft).title(newTitle).slug(""));
    assertEquals(Slugs.slugify(newTitle), renamed.slug());

    Post published = kit.update(ada, renamed, kit.formOf(renamed).status(PostStatus.PUBLISHED));
    Post retitled =
        kit.update(ada, published, kit.formOf(published).title(Fixtures.unique("Third")).slug(""));
    assertEquals(published.slug(), retitled.slug(), "a published post keeps its slug");
  }

  @Test
  void commentsCanBeClosedAndTermsReplaced() {
    Post post =
        kit.create(
            ada, Form.draft(Fixtures.unique("Terms"), "").categories("A cat").tags("one", "two"));
    Post edited =
        kit.update(
            ada, post, kit.formOf(post).commentsOpen(false).categories().tags("two", "three"));
    assertFalse(edited.commentsOpen());
    EditablePost opened = kit.editor.open(ada, post.id());
    assertEquals(List.of(), opened.categories());
    assertEquals(List.of("three", "two"), opened.tags());
  }

  @Test
  void aTrashedPostCannotBeEditedUntilRestored() {
    Post post = kit.create(ada, Form.draft(Fixtures.unique("Binned"), ""));
    Post trashed = kit.trash.trash(ada, post.id());
    SaveResult result =
        kit.editor.update(ada, post.id(), trashed.version(), kit.formOf(post).build());
    assertEquals(Set.of(FieldError.FORM), fields(result));
  }

  private static Set<String> fields(SaveResult result) {
    Invalid invalid = assertInstanceOf(Invalid.class, result);
    return invalid.errors().stream().map(FieldError::field).collect(Collectors.toSet());
  }
}
