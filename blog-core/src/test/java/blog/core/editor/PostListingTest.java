package blog.core.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.Post;
import blog.core.post.PostStatus;
import blog.core.reading.KeyedPages;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import blog.core.testing.RecordedSql;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PostListingTest extends DatabaseTestBase {
  private EditorKit kit;

  @Override
  protected void prepare() {
    kit = new EditorKit(db.database().jdbi(), Instant.parse("2032-01-10T08:00:00Z"));
  }

  private PostListPage mine(Actor actor, PostFilter filter) {
    return kit.listing.list(actor, new PostListQuery(filter, "", 1, true));
  }

  private static Set<String> titles(PostListPage page) {
    return page.items().stream().map(PostListItem::title).collect(Collectors.toSet());
  }

  @Test
  void eachViewShowsItsPostsAndTheCountsAddUp() {
    Actor ada = kit.author("Ada");
    Instant now = kit.clock.instant();
    kit.create(ada, Form.published("P1", ""));
    kit.create(ada, Form.published("P2", "").publishAt(now.minusSeconds(3600)));
    kit.create(ada, Form.draft("D1", ""));
    kit.create(
        ada,
        Form.draft("S-future", "")
            .status(PostStatus.SCHEDULED)
            .publishAt(now.plus(Duration.ofDays(30))));
    kit.create(
        ada, Form.draft("S-due", "").status(PostStatus.SCHEDULED).publishAt(now.plusSeconds(60)));
    Post binned = kit.create(ada, Form.draft("T1", ""));
    kit.trash.trash(ada, binned.id());
    kit.clock.advance(Duration.ofMinutes(2));

    assertEquals(Set.of("P1", "P2", "D1", "S-future", "S-due"), titles(mine(ada, PostFilter.ALL)));
    assertEquals(Set.of("P1", "P2", "S-due"), titles(mine(ada, PostFilter.PUBLISHED)));
    assertEquals(Set.of("D1"), titles(mine(ada, PostFilter.DRAFTS)));
    assertEquals(Set.of("S-future"), titles(mine(ada, PostFilter.SCHEDULED)));
    assertEquals(Set.of("T1"), titles(mine(ada, PostFilter.TRASH)));
    PostListPage all = mine(ada, PostFilter.ALL);
    assertEquals(new StatusCounts(5, 3, 1, 1, 1), all.counts());
    assertEquals(5, all.total());
    PostListItem due =
        all.items().stream().filter(i -> i.title().equals("S-due")).findFirst().orElseThrow();
    assertEquals(PostStatus.SCHEDULED, due.status());
    assertTrue(due.visible());
    assertEquals(PostStatus.PUBLISHED, due.shownStatus());
    assertEquals("Ada", due.authorName());
  }

  @Test
  void theTitleSearchIgnoresCaseAndTakesAnyTextLiterally() {
    Actor ada = kit.author("Ada");
    String token = Fixtures.unique("tok").replaceAll("[^a-z0-9]", "");
    for (String title :
        List.of(
            "Alpha Beta", "alphabet soup", "100% sure", "under_score", "Ärger im Büro", "It's")) {
      kit.create(ada, Form.draft(title + " " + token, ""));
    }
    assertEquals(
        Set.of("Alpha Beta " + token, "alphabet soup " + token), Set.copyOf(search(ada, "ALPHA")));
    assertEquals(Set.of("100% sure " + token), Set.copyOf(search(ada, "%")));
    assertEquals(Set.of("under_score " + token), Set.copyOf(search(ada, "_")));
    assertEquals(List.of("It's " + token), search(ada, "it's"));
    assertEquals(List.of(), search(ada, "' OR 1=1 --"));
    assertEquals(List.of(), search(ada, "\\"));
    assertEquals(List.of("Ärger im Büro " + token), search(ada, "ärger"));
    assertEquals(6, search(ada, token.toUpperCase(java.util.Locale.ROOT)).size());
  }

  private List<String> search(Actor actor, String text) {
    return kit
        .listing
        .list(actor, new PostListQuery(PostFilter.ALL, text, 1, true))
        .items()
        .stream()
        .map(PostListItem::title)
        .toList();
  }

  @Test
  void theListComesTwentyToAPageNewestFirst() {
    Actor ada = kit.author("Ada");
    Instant base = Instant.parse("2019-01-01T00:00:00Z");
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 45; i++) {
      kit.create(ada, Form.published("Post " + i, "").publishAt(base.plusSeconds(i)));
      expected.add(0, "Post " + i);
    }
    List<String> seen = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      PostListPage p = kit.listing.list(ada, new PostListQuery(PostFilter.ALL, "", page, true));
      assertEquals(3, p.totalPages());
      assertEquals(page, p.page());
      p.items().forEach(i -> seen.add(i.title()));
    }
    assertEquals(expected, seen);
    PostListPage beyond = kit.listing.list(ada, new PostListQuery(PostFilter.ALL, "", 99, true));
    assertEquals(3, beyond.page(), "out-of-range pages show the nearest one");
    assertEquals(5, beyond.items().size());
    assertFalse(beyond.hasNext());
    assertEquals(1, kit.listing.list(ada, new PostListQuery(PostFilter.ALL, "", -3, true)).page());
  }

  @Test
  void laterPagesAreReadFromWhereTheyStartNotBySkipping() {
    Actor ada = kit.author("Ada");
    Actor bob = kit.author("Bob");
    Instant base = Instant.parse("2019-01-01T00:00:00Z");
    for (int i = 1; i <= 70; i++) {
      // Pairs of posts share a second, so pages split runs of one instant.
      Form form =
          i % 7 == 0
              ? Form.draft("Draft " + i, "")
              : Form.published("Post " + i, "").publishAt(base.plusSeconds(i / 2));
      kit.create(i % 3 == 0 ? bob : ada, form);
    }
    List<String> statements = new ArrayList<>();
    PostListing watched =
        new PostListing(
            new PostListRepository(RecordedSql.recording(db.database().dataSource(), statements)),
            kit.terms,
            kit.clock);
    for (PostFilter filter : List.of(PostFilter.ALL, PostFilter.PUBLISHED, PostFilter.DRAFTS)) {
      for (boolean mineOnly : List.of(false, true)) {
        for (String search : List.of("", "Post 1")) {
          // The whole view in one read from its start: what the pages must show, in turn.
          List<String> expected =
              new PostListRepository(db.database().jdbi())
                      .list(
                          new PostListRepository.View(
                              filter, search, mineOnly ? ada.userId() : null),
                          kit.clock.instant(),
                          10_000,
                          null)
                      .stream()
                      .map(PostListRepository.Row::title)
                      .toList();
          int pages =
              Math.max(1, (expected.size() + PostListing.PAGE_SIZE - 1) / PostListing.PAGE_SIZE);
          assertTrue(filter == PostFilter.DRAFTS || !search.isEmpty() || pages >= 2, "pages");
          Map<PostListRepository.View, KeyedPages<PostListRepository.Key>> kept = new HashMap<>();
          PostListing.PageStarts starts =
              (view, page) -> kept.compute(view, (v, known) -> watched.pages(v, known, page));
          List<String> seen = new ArrayList<>();
          // Asked for from the last page back, as a reader following "older" links would not.
          List<List<String>> byPage = new ArrayList<>();
          for (int page = pages; page >= 1; page--) {
            statements.clear();
            PostListPage read =
                watched.list(
                    ada,
                    new PostListQuery(filter, search, page, mineOnly),
                    watched::everyonesCounts,
                    starts);
            byPage.add(0, inOrder(read));
            assertTrue(
                statements.stream().noneMatch(sql -> sql.contains("OFFSET")),
                "page " + page + " of " + filter + " read from its start: " + statements);
          }
          byPage.forEach(seen::addAll);
          assertEquals(expected, seen, filter + " mine " + mineOnly + " search '" + search + "'");
        }
      }
    }
  }

  private static List<String> inOrder(PostListPage page) {
    return page.items().stream().map(PostListItem::title).toList();
  }

  @Test
  void postsGoByPublicationDateAndUnpublishedOnesByTheirLastChangeInEveryView() {
    Actor ada = kit.author("Ada");
    Instant start = kit.clock.instant();
    kit.create(ada, Form.published("Old", "").publishAt(start.minus(Duration.ofDays(3))));
    Post first = kit.create(ada, Form.draft("Draft first", ""));
    kit.create(ada, Form.published("Recent", "").publishAt(start.minus(Duration.ofDays(1))));
    Post binnedOld =
        kit.create(
            ada, Form.published("Binned old", "").publishAt(start.minus(Duration.ofDays(5))));
    Post binnedNew =
        kit.create(
            ada, Form.published("Binned new", "").publishAt(start.minus(Duration.ofDays(4))));
    kit.clock.advance(Duration.ofHours(2));
    kit.create(ada, Form.draft("Draft later", ""));
    kit.create(
        ada,
        Form.draft("Due", "")
            .status(PostStatus.SCHEDULED)
            .publishAt(start.plus(Duration.ofDays(9))));
    kit.create(
        ada,
        Form.draft("Due sooner", "")
            .status(PostStatus.SCHEDULED)
            .publishAt(start.plus(Duration.ofDays(2))));
    kit.trash.trash(ada, binnedNew.id());
    kit.trash.trash(ada, binnedOld.id());
    kit.clock.advance(Duration.ofHours(1));
    // A change to the first draft brings it to the top of the drafts: its date is its last change.
    kit.update(ada, first, Form.draft("Draft first", "Now with words."));

    assertEquals(
        List.of("Due", "Due sooner", "Draft first", "Draft later", "Recent", "Old"),
        inOrder(mine(ada, PostFilter.ALL)));
    assertEquals(List.of("Draft first", "Draft later"), inOrder(mine(ada, PostFilter.DRAFTS)));
    assertEquals(List.of("Recent", "Old"), inOrder(mine(ada, PostFilter.PUBLISHED)));
    assertEquals(List.of("Due", "Due sooner"), inOrder(mine(ada, PostFilter.SCHEDULED)));
    assertEquals(List.of("Binned new", "Binned old"), inOrder(mine(ada, PostFilter.TRASH)));
  }

  @Test
  void authorsSeeEveryonesPostsButMayEditOnlyTheirOwn() {
    Actor ada = kit.author("Ada");
    Actor bob = kit.author("Bob");
    Actor admin = kit.admin("Root");
    String token = Fixtures.unique("shared").replaceAll("[^a-z0-9]", "");
    kit.create(ada, Form.draft("Ada " + token, ""));
    kit.create(bob, Form.draft("Bob " + token, "").categories("Misc"));

    PostListPage asBob = kit.listing.list(bob, new PostListQuery(PostFilter.ALL, token, 1, false));
    assertEquals(2, asBob.items().size());
    for (PostListItem item : asBob.items()) {
      assertEquals(item.authorId() == bob.userId(), item.editable(), item.title());
    }
    PostListItem bobs =
        asBob.items().stream().filter(i -> i.title().startsWith("Bob")).findFirst().orElseThrow();
    assertEquals("Misc", bobs.categories().get(0).name());

    PostListPage bobsOnly =
        kit.listing.list(bob, new PostListQuery(PostFilter.ALL, token, 1, true));
    assertEquals(
        List.of("Bob " + token), bobsOnly.items().stream().map(PostListItem::title).toList());
    assertTrue(
        kit.listing.list(admin, new PostListQuery(PostFilter.ALL, token, 1, false)).items().stream()
            .allMatch(PostListItem::editable));
  }

  @Test
  void filterNamesFromRequestsFallBackToAll() {
    assertEquals(PostFilter.DRAFTS, PostFilter.fromParam("drafts"));
    assertEquals(PostFilter.TRASH, PostFilter.fromParam(" Trash "));
    assertEquals(PostFilter.ALL, PostFilter.fromParam("'; DROP TABLE posts; --"));
    assertEquals(PostFilter.ALL, PostFilter.fromParam(null));
    assertEquals("scheduled", PostFilter.SCHEDULED.param());
  }
}
