package blog.core.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.NotFoundException;
import blog.core.identity.UserRepository;
import blog.core.post.Listing;
import blog.core.post.ListingKey;
import blog.core.post.PostPage;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.site.SiteSettings;
import blog.core.taxonomy.Taxonomy;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import blog.core.testing.RecordedSql;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Later pages of a listing (home, month, day, category, tag, author) read from where they start
 * (keyset) are the very pages offsets give, and a category or tag lists exactly its visible posts
 * in listing order.
 */
class ListingPagesTest extends DatabaseTestBase {
  private static final Instant NOW = Instant.parse("2024-06-30T12:00:00Z");
  private SettingsRepository settings;
  private BlogReader reader;
  private final List<String> homeOrder = new ArrayList<>();
  private String author;

  @Override
  protected void prepare() {
    homeOrder.clear();
    settings = new SettingsRepository(db.database().jdbi());
    settings.putAll(Map.of(SiteSettings.POSTS_PER_PAGE, "4"));
    reader = reader(db.database().jdbi());
    Fixtures f = new Fixtures(db.database().jdbi());
    long authorId = f.author("Paged");
    author = new UserRepository(db.database().jdbi()).findById(authorId).orElseThrow().username();
    for (int i = 0; i < 23; i++) {
      // Pairs share a publication time: the id alone orders them. Every third post is in
      // "Thirds"; one in the tag "Rare". Inserted oldest first, so ids do not follow dates.
      int age = 22 - i;
      String title = "Post " + age;
      f.post(
          authorId,
          title,
          PostStatus.PUBLISHED,
          NOW.minusSeconds(3_600L * (age / 2)),
          age % 3 == 0 ? List.of("Thirds") : List.of(),
          age == 7 ? List.of("Rare") : List.of());
    }
    f.post(authorId, "Draft", PostStatus.DRAFT, null, List.of("Thirds"), List.of("Rare"));
    f.post(
        authorId,
        "Later",
        PostStatus.SCHEDULED,
        NOW.plusSeconds(60),
        List.of("Thirds"),
        List.of("Rare"));
    for (int page = 1; ; page++) {
      PostPage p = reader.home(page);
      p.posts().forEach(s -> homeOrder.add(s.post().title()));
      if (!p.hasOlder()) {
        break;
      }
    }
  }

  private BlogReader reader(Jdbi jdbi) {
    return Readers.at(jdbi, settings, NOW);
  }

  /** Starts read afresh for each page asked for. */
  private static PageStarts afresh(BlogReader reader) {
    return (listing, page) -> reader.listingPages(listing, null, page);
  }

  private static List<String> titles(PostPage page) {
    return page.posts().stream().map(s -> s.post().title()).toList();
  }

  /** Every page of a listing, each read both ways; the titles of all its pages in order. */
  private static List<String> samePagesEitherWay(
      IntFunction<PostPage> byOffset, IntFunction<PostPage> byKey, int pages) {
    List<String> all = new ArrayList<>();
    for (int page = 1; page <= pages; page++) {
      PostPage offset = byOffset.apply(page);
      PostPage key = byKey.apply(page);
      assertEquals(titles(offset), titles(key), "page " + page);
      assertEquals(offset.hasOlder(), key.hasOlder(), "page " + page);
      assertEquals(page < pages, key.hasOlder(), "page " + page + " of " + pages);
      all.addAll(titles(key));
    }
    int past = pages + 1;
    assertThrows(NotFoundException.class, () -> byOffset.apply(past));
    assertThrows(NotFoundException.class, () -> byKey.apply(past));
    return all;
  }

  @Test
  void everyPageOfTheHomePageIsTheSameReadFromItsStart() {
    assertEquals(23, homeOrder.size(), "the draft and the post not yet due are not listed");
    assertEquals(List.of("Post 0", "Post 1", "Post 2", "Post 3"), homeOrder.subList(0, 4));
    PageStarts starts = afresh(reader);
    assertEquals(homeOrder, samePagesEitherWay(reader::home, page -> reader.home(page, starts), 6));
  }

  @Test
  void everyPageOfAMonthIsTheSameReadFromItsStart() {
    PageStarts starts = afresh(reader);
    assertEquals(
        homeOrder,
        samePagesEitherWay(
            page -> reader.month(2024, 6, page), page -> reader.month(2024, 6, page, starts), 6));
  }

  @Test
  void everyPageOfADayAndOfAnAuthorIsTheSameReadFromItsStart() {
    PageStarts starts = afresh(reader);
    PageStarts none = (listing, page) -> null;
    LocalDate day = LocalDate.of(2024, 6, 30);
    assertEquals(
        homeOrder,
        samePagesEitherWay(
            page -> reader.day(day, page, none), page -> reader.day(day, page, starts), 6));
    assertEquals(
        homeOrder,
        samePagesEitherWay(
            page -> reader.author(author, page, none).page(),
            page -> reader.author(author, page, starts).page(),
            6));
  }

  @Test
  void aCategoryListsItsVisiblePostsInListingOrderPageByPage() {
    PageStarts starts = afresh(reader);
    List<String> thirds =
        samePagesEitherWay(
            page -> reader.term(Taxonomy.CATEGORY, "thirds", page).page(),
            page -> reader.term(Taxonomy.CATEGORY, "thirds", page, starts).page(),
            2);
    assertEquals(
        homeOrder.stream().filter(t -> Integer.parseInt(t.substring(5)) % 3 == 0).toList(), thirds);
    assertEquals(
        List.of("Post 7"),
        titles(reader.term(Taxonomy.TAG, "rare", 1, starts).page()),
        "a tag on one visible post lists it alone");
  }

  @Test
  void aLaterPageReadFromItsStartSkipsNoRows() {
    List<String> statements = new ArrayList<>();
    Jdbi watched = RecordedSql.recording(db.database().dataSource(), statements);
    BlogReader watchedReader = reader(watched);
    Map<Listing, KeyedPages<ListingKey>> kept = new HashMap<>();
    PageStarts starts =
        (listing, page) ->
            kept.compute(listing, (l, known) -> watchedReader.listingPages(l, known, page));
    for (int page = 1; page <= 2; page++) {
      watchedReader.term(Taxonomy.CATEGORY, "thirds", page, starts);
      watchedReader.home(page + 4, starts);
    }
    statements.clear();
    assertEquals(4, titles(watchedReader.home(5, starts)).size());
    assertEquals(
        4, titles(watchedReader.term(Taxonomy.CATEGORY, "thirds", 2, starts).page()).size());
    assertFalse(statements.isEmpty());
    assertTrue(
        statements.stream().noneMatch(sql -> sql.contains("OFFSET")),
        "a kept start is read from, not skipped to: " + statements);
  }

  @Test
  void startsAreReadAsFarAsPagesAreAskedFor() {
    KeyedPages<ListingKey> two = reader.listingPages(Listing.ALL, null, 2);
    assertEquals(2, two.firsts().size());
    assertFalse(two.complete());
    assertTrue(two.covers(2));
    assertFalse(two.covers(3));
    assertEquals(two, reader.listingPages(Listing.ALL, two, 1), "what is known is kept");
    KeyedPages<ListingKey> four = reader.listingPages(Listing.ALL, two, 4);
    assertEquals(4, four.firsts().size());
    assertEquals(two.firsts(), four.firsts().subList(0, 2));
    KeyedPages<ListingKey> all = reader.listingPages(Listing.ALL, four, 99);
    assertTrue(all.complete(), "23 posts make 6 pages, not 99");
    assertEquals(reader.listingPages(Listing.ALL, null, 6).firsts(), all.firsts());
    assertEquals(6, all.firsts().size());
    assertTrue(all.covers(99));
    assertThrows(NotFoundException.class, () -> reader.home(99, (listing, page) -> all));
    KeyedPages<ListingKey> exactlySix = reader.listingPages(Listing.ALL, null, 6);
    assertFalse(exactlySix.complete(), "page 6 starts; whether a 7th does is not read yet");
    assertTrue(reader.listingPages(Listing.ALL, exactlySix, 7).complete());
    KeyedPages<ListingKey> absurd = reader.listingPages(Listing.ALL, null, Integer.MAX_VALUE);
    assertTrue(absurd.complete(), "an absurd page reads the listing once, to its end");
    assertEquals(all.firsts(), absurd.firsts());
  }

  @Test
  void startsMadeForAnotherPageSizeAreNotUsed() {
    KeyedPages<ListingKey> forFour = reader.listingPages(Listing.ALL, null, 6);
    settings.putAll(Map.of(SiteSettings.POSTS_PER_PAGE, "5"));
    try {
      assertEquals(titles(reader.home(3)), titles(reader.home(3, (listing, page) -> forFour)));
      assertEquals(5, reader.home(3, (listing, page) -> forFour).posts().size());
      assertEquals(5, reader.listingPages(Listing.ALL, forFour, 3).perPage());
    } finally {
      settings.putAll(Map.of(SiteSettings.POSTS_PER_PAGE, "4"));
    }
  }
}
