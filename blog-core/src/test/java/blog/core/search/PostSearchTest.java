package blog.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentRepository;
import blog.core.identity.IdentityRepository;
import blog.core.identity.Role;
import blog.core.identity.UserRepository;
import blog.core.post.NewPost;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.reading.BlogReader;
import blog.core.site.SettingsRepository;
import blog.core.taxonomy.TermRepository;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.DbKind;
import blog.core.testing.Fixtures;
import blog.core.text.MarkdownRenderer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Search over the real databases: what matches, in which order, and that any input is safe. */
class PostSearchTest extends DatabaseTestBase {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  private PostRepository posts;
  private VendorSearchRepository repository;
  private PostSearch search;
  private long author;

  @Override
  protected void prepare() {
    var jdbi = db.database().jdbi();
    posts = new PostRepository(jdbi);
    repository = new VendorSearchRepository(jdbi);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    BlogReader reader =
        new BlogReader(
            posts,
            new TermRepository(jdbi),
            new CommentRepository(jdbi),
            new UserRepository(jdbi),
            new IdentityRepository(jdbi),
            new SettingsRepository(jdbi),
            clock);
    search = new PostSearch(repository, reader, clock);
    author =
        new UserRepository(jdbi)
            .insert(Fixtures.unique("searcher"), "Searcher", null, Role.AUTHOR, Instant.EPOCH);
  }

  private long post(String title, String body, PostStatus status, Instant publishedAt) {
    return posts.insert(
        new NewPost(
            Fixtures.unique("s"),
            title,
            body,
            "",
            status,
            author,
            true,
            publishedAt,
            List.of(),
            List.of()),
        new MarkdownRenderer().render(body),
        NOW.minusSeconds(86_400));
  }

  private List<String> titles(String query) {
    return search.search(query, 1).page().posts().stream().map(s -> s.post().title()).toList();
  }

  @Test
  void titleMatchesComeFirstThenNewerPosts() {
    post(
        "Unrelated heading",
        "The zebrafinch sings in the body.",
        PostStatus.PUBLISHED,
        NOW.minusSeconds(60));
    post("Old zebrafinch notes", "Nothing here.", PostStatus.PUBLISHED, NOW.minusSeconds(3 * 3600));
    post("New zebrafinch notes", "Nothing here.", PostStatus.PUBLISHED, NOW.minusSeconds(2 * 3600));
    post(
        "Also unrelated",
        "Older zebrafinch mention.",
        PostStatus.PUBLISHED,
        NOW.minusSeconds(4 * 3600));

    assertEquals(
        List.of(
            "New zebrafinch notes", "Old zebrafinch notes", "Unrelated heading", "Also unrelated"),
        titles("zebrafinch"));
    assertEquals(
        List.of(
            "New zebrafinch notes", "Old zebrafinch notes", "Unrelated heading", "Also unrelated"),
        titles("ZEBRAFINCH"),
        "case does not matter");
  }

  @Test
  void everyWordMustMatchAndPhrasesStayTogether() {
    post("Quality networking beats quantity", "Text.", PostStatus.PUBLISHED, NOW.minusSeconds(60));
    post(
        "Quantity of networking",
        "Text about wombatquality.",
        PostStatus.PUBLISHED,
        NOW.minusSeconds(60));
    assertEquals(List.of("Quality networking beats quantity"), titles("\"quality networking\""));
    assertEquals(List.of("Quality networking beats quantity"), titles("quality beats"));
  }

  @Test
  void onlyVisiblePostsAreFound() {
    post("Published quokkaword", "Body.", PostStatus.PUBLISHED, NOW.minusSeconds(60));
    post("Draft quokkaword", "Body.", PostStatus.DRAFT, null);
    post("Future quokkaword", "Body.", PostStatus.SCHEDULED, NOW.plusSeconds(60));
    post("Due quokkaword", "Body.", PostStatus.SCHEDULED, NOW.minusSeconds(30));
    post("Binned quokkaword", "Body.", PostStatus.TRASH, NOW.minusSeconds(60));
    assertEquals(List.of("Due quokkaword", "Published quokkaword"), titles("quokkaword"));
  }

  @Test
  void wildcardsQuotesAndOddInputAreOnlyText() {
    post("Kiwiabcx report", "Body.", PostStatus.PUBLISHED, NOW.minusSeconds(60));
    post("O'Reilly kiwiquote", "Body.", PostStatus.PUBLISHED, NOW.minusSeconds(60));
    for (String wild : List.of("kiwi%x", "kiwi_bcx", "kiwi%", "%", "_", "\\", "!", "!%")) {
      assertTrue(
          titles(wild).stream().noneMatch(t -> t.startsWith("Kiwiabcx")), wild + " is no wildcard");
    }
    assertEquals(List.of("O'Reilly kiwiquote"), titles("o'reilly kiwiquote"));
    for (String odd :
        List.of(
            "'; DROP TABLE posts; --",
            "\"unbalanced",
            "a & b | !c <-> d:*",
            "\u0000kiwi",
            "x".repeat(100_000),
            "-",
            "or",
            "🎉🎉",
            "\uD800",
            "日本語")) {
      search.search(odd, 1);
    }
    assertEquals(1, search.search("kiwiabcx", 1).total());
  }

  @Test
  void accentsAndOtherScriptsAreFound() {
    post("Café culture wallabyword", "Body.", PostStatus.PUBLISHED, NOW.minusSeconds(60));
    post("Notes", "東京 日本語のテキスト wallabyword", PostStatus.PUBLISHED, NOW.minusSeconds(120));
    assertEquals(List.of("Café culture wallabyword"), titles("café wallabyword"));
    assertTrue(titles("wallabyword").contains("Notes"));
  }

  @Test
  void resultsArePaginatedAndEmptyPagesAreNotFound() {
    for (int i = 0; i < 12; i++) {
      post("Numbat " + i, "Body.", PostStatus.PUBLISHED, NOW.minusSeconds(1000 + i));
    }
    SearchResults first = search.search("numbat", 1);
    assertEquals(12, first.total());
    assertEquals(10, first.page().posts().size());
    assertEquals("Numbat 0", first.page().posts().get(0).post().title());
    assertTrue(first.page().hasOlder());
    SearchResults second = search.search("numbat", 2);
    assertEquals(
        List.of("Numbat 10", "Numbat 11"),
        second.page().posts().stream().map(s -> s.post().title()).toList());
    assertEquals(0, search.search("", 1).total());
    org.junit.jupiter.api.Assertions.assertThrows(
        blog.core.NotFoundException.class, () -> search.search("numbat", 3));
  }

  @Test
  void postgresUsesItsFullTextIndex() {
    if (kind != DbKind.POSTGRES) {
      return;
    }
    String plan =
        db.database()
            .jdbi()
            .withHandle(
                h -> {
                  h.execute("SET enable_seqscan = off");
                  return String.join(
                      "\n",
                      h.createQuery(
                              "EXPLAIN SELECT p.id FROM posts p WHERE "
                                  + PostgresSearchRepository.DOCUMENT
                                  + " @@ websearch_to_tsquery('english'::regconfig, 'numbat')")
                          .mapTo(String.class)
                          .list());
                });
    assertTrue(plan.contains("posts_search_idx"), plan);
  }

  @Test
  void theSearchMatchesThePostsTheRepositoryCounts() {
    Post post =
        posts
            .findById(post("Echidna", "Body.", PostStatus.PUBLISHED, NOW.minusSeconds(5)))
            .orElseThrow();
    SearchQuery query = SearchQuery.parse("echidna");
    assertEquals(1, repository.count(query, NOW));
    assertEquals(
        List.of(post.id()), repository.find(query, NOW, 10, 0).stream().map(Post::id).toList());
  }
}
