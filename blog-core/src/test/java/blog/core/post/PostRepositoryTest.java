package blog.core.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.taxonomy.Taxonomy;
import blog.core.taxonomy.Term;
import blog.core.taxonomy.TermRepository;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostRepositoryTest extends DatabaseTestBase {
  private static final Instant NOW = Instant.parse("2030-01-15T12:00:00Z");
  private PostRepository posts;
  private TermRepository terms;
  private Fixtures fixtures;
  private long author;

  @Override
  protected void prepare() {
    posts = new PostRepository(db.database().jdbi());
    terms = new TermRepository(db.database().jdbi());
    fixtures = new Fixtures(db.database().jdbi());
    author = fixtures.author("Ada");
  }

  private String slugOf(long id) {
    return posts.findById(id).orElseThrow().slug();
  }

  @Test
  void publishedPostIsFoundBySlugWithEverythingStored() {
    long id =
        fixtures.post(
            author,
            "Hello *world*",
            PostStatus.PUBLISHED,
            NOW.minusSeconds(60),
            List.of(),
            List.of());
    Post post = posts.findVisibleBySlug(slugOf(id), NOW).orElseThrow();
    assertEquals("Hello *world*", post.title());
    assertEquals(PostStatus.PUBLISHED, post.status());
    assertEquals(NOW.minusSeconds(60), post.publishedAt());
    assertEquals(author, post.authorId());
    assertTrue(post.commentsOpen());
    assertTrue(post.bodyHtml().contains("<p>Body of Hello"), post.bodyHtml());
  }

  @Test
  void draftsTrashAndFutureScheduledPostsAreInvisible() {
    long draft = fixtures.post(author, "Draft", PostStatus.DRAFT, null);
    long trash = fixtures.post(author, "Trash", PostStatus.TRASH, NOW.minusSeconds(5));
    long future = fixtures.post(author, "Future", PostStatus.SCHEDULED, NOW.plusSeconds(3600));
    assertTrue(posts.findVisibleBySlug(slugOf(draft), NOW).isEmpty());
    assertTrue(posts.findVisibleBySlug(slugOf(trash), NOW).isEmpty());
    assertTrue(posts.findVisibleBySlug(slugOf(future), NOW).isEmpty());
    List<Long> listed = posts.listVisible(NOW, 1000, 0).stream().map(Post::id).toList();
    assertFalse(listed.contains(draft) || listed.contains(trash) || listed.contains(future));
  }

  @Test
  void scheduledPostAppearsOnceItsTimeHasCome() {
    Instant due = NOW.plusSeconds(3600);
    long id = fixtures.post(author, "Later", PostStatus.SCHEDULED, due);
    assertTrue(posts.findVisibleBySlug(slugOf(id), due.minusSeconds(1)).isEmpty());
    assertTrue(posts.findVisibleBySlug(slugOf(id), due).isPresent());
  }

  @Test
  void listingIsNewestFirstAndPages() {
    Instant base = Instant.parse("2001-03-01T00:00:00Z");
    long older = fixtures.post(author, "Older", PostStatus.PUBLISHED, base);
    long newer = fixtures.post(author, "Newer", PostStatus.PUBLISHED, base.plusSeconds(10));
    Instant now = base.plusSeconds(20);
    // Only these two (and nothing from other tests) are visible at 'now' within March 2001.
    List<Post> march =
        posts.list(new Listing.Between(base, Instant.parse("2001-04-01T00:00:00Z")), now, 10, 0);
    assertEquals(List.of(newer, older), march.stream().map(Post::id).toList());
    assertEquals(
        List.of(older),
        posts
            .list(new Listing.Between(base, Instant.parse("2001-04-01T00:00:00Z")), now, 1, 1)
            .stream()
            .map(Post::id)
            .toList());
  }

  @Test
  void aPastMonthsArchiveEndsAtTheMonthsEndAndItsCurrentOneAtNow() {
    Instant march = Instant.parse("2002-03-01T00:00:00Z");
    Instant april = Instant.parse("2002-04-01T00:00:00Z");
    long first = fixtures.post(author, "First of March", PostStatus.PUBLISHED, march);
    long last = fixtures.post(author, "Last of March", PostStatus.PUBLISHED, april.minusMillis(1));
    fixtures.post(author, "First of April", PostStatus.PUBLISHED, april);
    fixtures.post(author, "Due later", PostStatus.SCHEDULED, april.plusSeconds(7200));
    Instant later = april.plusSeconds(3600);

    Listing.Between marchArchive = new Listing.Between(march, april);
    assertEquals(
        List.of(last, first),
        posts.list(marchArchive, later, 10, 0).stream().map(Post::id).toList(),
        "the month's own posts, none at the next month's first instant");
    // Read up to the month's end, not from now: H2 would start at the looser of the two upper
    // bounds and walk every post published since.
    assertEquals(april, PostRepository.nowWithin(marchArchive, later));
    assertEquals(
        later, PostRepository.nowWithin(new Listing.Between(april, later.plusSeconds(1)), later));
    assertEquals(later, PostRepository.nowWithin(Listing.ALL, later));
    assertEquals(
        List.of("First of April"),
        posts.list(new Listing.Between(april, april.plusSeconds(86_400)), later, 10, 0).stream()
            .map(Post::title)
            .toList(),
        "the current month up to now: not a post scheduled for later in it");
  }

  @Test
  void categoriesAndTagsAreCreatedOnceAndLinked() {
    long a =
        fixtures.post(
            author,
            "Tagged A",
            PostStatus.PUBLISHED,
            NOW.minusSeconds(10),
            List.of("Deep Thoughts"),
            List.of("Java", "Café"));
    long b =
        fixtures.post(
            author,
            "Tagged B",
            PostStatus.PUBLISHED,
            NOW.minusSeconds(5),
            List.of("Deep Thoughts"),
            List.of());
    Term category = terms.findBySlug(Taxonomy.CATEGORY, "deep-thoughts").orElseThrow();
    assertEquals("Deep Thoughts", category.name());
    assertTrue(terms.findBySlug(Taxonomy.TAG, "cafe").isPresent());
    assertEquals(
        List.of(b, a),
        posts.list(new Listing.OfTerm(category.id()), NOW, 10, 0).stream().map(Post::id).toList());
    Map<Long, List<Term>> byPost = terms.forPosts(List.of(a, b));
    assertEquals(
        List.of("Café", "Deep Thoughts", "Java"), byPost.get(a).stream().map(Term::name).toList());
    assertEquals(1, byPost.get(b).size());
  }

  @Test
  void slugsAreUnique() {
    long id = fixtures.post(author, "Once", PostStatus.DRAFT, null);
    NewPost duplicate =
        new NewPost(
            slugOf(id),
            "Twice",
            "x",
            "",
            PostStatus.DRAFT,
            author,
            true,
            null,
            List.of(),
            List.of());
    assertThrows(RuntimeException.class, () -> posts.insert(duplicate, "<p>x</p>", NOW));
  }

  @Test
  void aPostWhoseTermsCannotBeStoredIsNotStoredEither() {
    String slug = Fixtures.unique("half-written");
    NewPost post =
        new NewPost(
            slug,
            "Half",
            "x",
            "",
            PostStatus.PUBLISHED,
            author,
            true,
            NOW,
            List.of("ok"),
            List.of("x".repeat(300)));
    assertThrows(RuntimeException.class, () -> posts.insert(post, "<p>x</p>", NOW));
    assertTrue(posts.findVisibleBySlug(slug, NOW).isEmpty(), "post row rolled back");
  }
}
