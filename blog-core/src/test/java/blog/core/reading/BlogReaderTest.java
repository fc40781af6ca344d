package blog.core.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.NotFoundException;
import blog.core.comment.CommentStatus;
import blog.core.identity.Role;
import blog.core.identity.UserRepository;
import blog.core.post.PostPage;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.post.PostSummary;
import blog.core.site.SettingsRepository;
import blog.core.site.SiteSettings;
import blog.core.taxonomy.Taxonomy;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each run gets its own database, so the counts here are exact. */
class BlogReaderTest extends DatabaseTestBase {
  private static final Instant NOW = Instant.parse("2024-06-30T12:00:00Z");
  private BlogReader reader;
  private PostRepository posts;
  private long author;
  private long juneFirst;
  private long withComments;

  @Override
  protected void prepare() {
    var jdbi = db.database().jdbi();
    posts = new PostRepository(jdbi);
    SettingsRepository settings = new SettingsRepository(jdbi);
    settings.putAll(
        Map.of(SiteSettings.POSTS_PER_PAGE, "2", SiteSettings.TIME_ZONE, "America/New_York"));
    reader = Readers.at(jdbi, settings, NOW);
    Fixtures f = new Fixtures(jdbi);
    author = f.author("Linus");
    // 2024-06-01T02:00Z is still May 31 in New York.
    f.post(author, "Late May", PostStatus.PUBLISHED, Instant.parse("2024-06-01T02:00:00Z"));
    juneFirst =
        f.post(
            author,
            "June One",
            PostStatus.PUBLISHED,
            Instant.parse("2024-06-01T16:00:00Z"),
            List.of("News"),
            List.of("java"));
    withComments =
        f.post(
            author,
            "June Two",
            PostStatus.PUBLISHED,
            Instant.parse("2024-06-10T16:00:00Z"),
            List.of("News"),
            List.of());
    f.post(author, "Draft", PostStatus.DRAFT, null, List.of("News"), List.of());
    f.post(author, "Tomorrow", PostStatus.SCHEDULED, NOW.plusSeconds(86_400));
    long top = f.comment(withComments, null, "Ann", "Top", Instant.parse("2024-06-11T00:00:00Z"));
    f.comment(withComments, top, "Bob", "Reply", Instant.parse("2024-06-11T01:00:00Z"));
    f.comment(
        withComments,
        null,
        "Spam",
        "Buy",
        Instant.parse("2024-06-11T02:00:00Z"),
        CommentStatus.SPAM);
  }

  private static List<String> titles(PostPage page) {
    return page.posts().stream().map(s -> s.post().title()).toList();
  }

  @Test
  void homePagesHoldTheVisiblePostsNewestFirst() {
    PostPage first = reader.home(1);
    assertEquals(List.of("June Two", "June One"), titles(first));
    assertTrue(first.hasOlder());
    assertFalse(first.hasNewer());
    PostPage second = reader.home(2);
    assertEquals(List.of("Late May"), titles(second));
    assertTrue(second.hasNewer());
    assertFalse(second.hasOlder(), "the last page");
  }

  @Test
  void pagesOutOfRangeAreNotFound() {
    assertThrows(NotFoundException.class, () -> reader.home(0));
    assertThrows(NotFoundException.class, () -> reader.home(3));
    assertThrows(NotFoundException.class, () -> reader.home(Integer.MAX_VALUE));
  }

  @Test
  void summariesCarryAuthorTermsAndApprovedCommentCount() {
    PostSummary two = reader.home(1).posts().get(0);
    assertEquals("Linus", two.authorName());
    assertEquals(2, two.commentCount());
    assertEquals("News", two.categories().get(0).name());
    PostSummary one = reader.home(1).posts().get(1);
    assertEquals("java", one.tags().get(0).name());
  }

  @Test
  void monthlyArchivesUseTheSiteTimeZone() {
    assertEquals(List.of("June Two", "June One"), titles(reader.month(2024, 6, 1)));
    assertEquals(List.of("Late May"), titles(reader.month(2024, 5, 1)));
    assertThrows(NotFoundException.class, () -> reader.month(2024, 4, 1));
    assertThrows(NotFoundException.class, () -> reader.month(2024, 13, 1));
    assertTrue(reader.year(2024, 1).hasOlder());
    assertEquals(List.of("Late May"), titles(reader.year(2024, 2)));
    assertThrows(NotFoundException.class, () -> reader.year(2024, 3));
  }

  @Test
  void dailyArchivesUseTheSiteTimeZone() {
    PageStarts none = (listing, page) -> null;
    assertEquals(List.of("Late May"), titles(reader.day(LocalDate.of(2024, 5, 31), 1, none)));
    assertEquals(List.of("June One"), titles(reader.day(LocalDate.of(2024, 6, 1), 1, none)));
    assertThrows(NotFoundException.class, () -> reader.day(LocalDate.of(2024, 6, 2), 1, none));
    assertThrows(NotFoundException.class, () -> reader.day(LocalDate.of(2024, 6, 1), 2, none));
    assertThrows(NotFoundException.class, () -> reader.day(LocalDate.of(0, 6, 1), 1, none));
  }

  @Test
  void authorArchivesListTheirVisiblePostsByUsernameOrItsSlug() {
    PageStarts none = (listing, page) -> null;
    UserRepository users = new UserRepository(db.database().jdbi());
    String username = users.findById(author).orElseThrow().username();
    AuthorArchive linus = reader.author(username, 1, none);
    assertEquals("Linus", linus.author().name());
    assertEquals(username, linus.author().slug());
    assertEquals(List.of("June Two", "June One"), titles(linus.page()));
    assertTrue(linus.page().hasOlder());
    assertEquals(List.of("Late May"), titles(reader.author(username, 2, none).page()));
    assertThrows(NotFoundException.class, () -> reader.author(username, 3, none));
    assertThrows(NotFoundException.class, () -> reader.author("nobody", 1, none));

    long ada = users.insert("ada.lovelace", "Ada", null, Role.ADMIN, NOW);
    assertEquals(ada, users.findByArchiveSlug("ada-lovelace").orElseThrow().id());
    assertEquals(ada, users.findByArchiveSlug("Ada.Lovelace").orElseThrow().id());
    assertThrows(
        NotFoundException.class,
        () -> reader.author("ada-lovelace", 1, none),
        "staff with no visible post have no archive");
  }

  @Test
  void termArchivesListOnlyVisiblePosts() {
    TermArchive news = reader.term(Taxonomy.CATEGORY, "news", 1);
    assertEquals("News", news.term().name());
    assertEquals(List.of("June Two", "June One"), titles(news.page()));
    assertThrows(NotFoundException.class, () -> reader.term(Taxonomy.TAG, "nope", 1));
    assertThrows(NotFoundException.class, () -> reader.term(Taxonomy.TAG, "news", 1));
  }

  @Test
  void postShowsApprovedCommentsThreaded() {
    PostDetail detail = reader.post(posts.findById(withComments).orElseThrow().slug());
    assertEquals(1, detail.comments().size());
    assertEquals("Ann", detail.comments().get(0).comment().authorName());
    assertEquals("Bob", detail.comments().get(0).replies().get(0).comment().authorName());
    assertEquals(LocalDate.of(2024, 6, 10), reader.permalinkDate(detail.summary().post()));
  }

  @Test
  void draftsAndFuturePostsAreNotFound() {
    for (var p : posts.listVisible(NOW.plusSeconds(90_000), 100, 0)) {
      if (p.title().equals("Tomorrow")) {
        assertThrows(NotFoundException.class, () -> reader.post(p.slug()));
      }
    }
    assertThrows(NotFoundException.class, () -> reader.post("no-such-post"));
  }

  @Test
  void sidebarListsRecentPostsCategoriesAndMonths() {
    Sidebar sidebar = reader.sidebar();
    assertEquals(3, sidebar.recentPosts().size());
    assertEquals("News", sidebar.categories().get(0).term().name());
    assertEquals(2, sidebar.categories().get(0).posts());
    assertEquals(
        List.of(new ArchiveMonth(2024, 6, 2), new ArchiveMonth(2024, 5, 1)), sidebar.months());
  }
}
