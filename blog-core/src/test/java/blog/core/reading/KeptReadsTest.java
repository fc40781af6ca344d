package blog.core.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.change.ContentVersionRepository;
import blog.core.change.PolledContentVersion;
import blog.core.change.SeenVersions;
import blog.core.comment.CommentStatus;
import blog.core.comment.DiscussionSettings;
import blog.core.comment.ThreadedComment;
import blog.core.post.Post;
import blog.core.post.PostPage;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.post.PostSummary;
import blog.core.site.SettingsRepository;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import blog.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A post's page as every reader with no held comments sees it is read once per version of what it
 * shows: the same page of comments (the very object) while nothing on it changes, and a new,
 * edited, approved or hidden comment and an edited post on the next read; a reader's own held
 * comment is read for them alone.
 */
class KeptReadsTest extends DatabaseTestBase {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final ThreadStarts NO_STARTS = (postId, newestFirst, page) -> null;

  private final MutableClock clock = new MutableClock(NOW);
  private Jdbi jdbi;
  private Fixtures fixtures;
  private KeptReads kept;
  private DiscussionSettings discussion;
  private long author;
  private PolledContentVersion polled;

  @AfterEach
  void stopPolling() {
    polled.close();
  }

  @Override
  protected void prepare() {
    jdbi = db.database().jdbi();
    fixtures = new Fixtures(jdbi);
    discussion = DiscussionSettings.from(new SettingsRepository(jdbi).content());
    author = fixtures.author("Kept");
  }

  /** Each test from the same moment, with nothing kept yet. */
  @BeforeEach
  void keepAfresh() {
    clock.set(NOW);
    PostRepository posts = new PostRepository(jdbi);
    BlogReader reader = Readers.on(jdbi, new SettingsRepository(jdbi), clock);
    // Exact: every read asks the database's version, as a blog does once it saw a change.
    polled = PolledContentVersion.start(new ContentVersionRepository(jdbi), Duration.ofHours(1));
    SeenVersions versions = new SeenVersions(polled, true, posts::nextPublicationAfter, clock);
    kept = new KeptReads(reader, versions.memos(), (listing, page) -> null);
  }

  private Post post(String title) {
    long id = fixtures.post(author, title, PostStatus.PUBLISHED, NOW.minusSeconds(3600));
    return new PostRepository(jdbi).findById(id).orElseThrow();
  }

  private PostDetail read(Post post) {
    return kept.detail(post, Set.of(), discussion, CommentPageRequest.first(), NO_STARTS);
  }

  private static List<String> texts(PostDetail detail) {
    return detail.comments().stream().map(ThreadedComment::comment).map(c -> c.bodyHtml()).toList();
  }

  private void sql(String statement, Map<String, Object> binds) {
    jdbi.useHandle(
        h -> {
          var update = h.createUpdate(statement);
          binds.forEach(update::bind);
          update.execute();
        });
  }

  @Test
  void theSamePageOfCommentsWhileNothingOnItChanges() {
    Post post = post(Fixtures.unique("Kept"));
    Post other = post(Fixtures.unique("Other"));
    fixtures.comment(post.id(), null, "Ann", "First words.", NOW.minusSeconds(600));
    PostDetail first = read(post);
    assertSame(first, read(post), "read once: the same object again");

    // Another post's comment (its row of versions is another) leaves this one kept; a new post
    // would not (the sidebar's recent posts are on every page).
    fixtures.comment(other.id(), null, "Bob", "Elsewhere.", NOW.minusSeconds(500));
    assertSame(first, read(post));

    clock.advance(Duration.ofSeconds(61));
    assertNotSame(first, read(post), "read again after a minute, whatever the version");
  }

  @Test
  void aNewEditedApprovedOrHiddenCommentShowsOnTheNextRead() {
    Post post = post(Fixtures.unique("Changing"));
    long ann = fixtures.comment(post.id(), null, "Ann", "First words.", NOW.minusSeconds(600));
    assertEquals(1, texts(read(post)).size());

    fixtures.comment(post.id(), ann, "Bob", "A reply.", NOW.minusSeconds(500));
    assertEquals(1, read(post).comments().size());
    assertEquals(1, read(post).comments().get(0).replies().size(), "the new reply");

    sql("UPDATE comments SET body_html = '<p>Edited.</p>' WHERE id = :id", Map.of("id", ann));
    assertEquals(List.of("<p>Edited.</p>"), texts(read(post)));

    long held =
        fixtures.comment(
            post.id(), null, "Cy", "Held words.", NOW.minusSeconds(400), CommentStatus.PENDING);
    assertEquals(1, read(post).comments().size(), "held: not shown");
    fixtures.approve(held);
    assertEquals(2, read(post).comments().size(), "approved: shown");
    sql("UPDATE comments SET status = 'spam' WHERE id = :id", Map.of("id", held));
    assertEquals(1, read(post).comments().size(), "spammed: gone");
    sql("DELETE FROM comments WHERE id = :id", Map.of("id", held));
    assertEquals(1, read(post).comments().size());
  }

  @Test
  void aReadersOwnHeldCommentIsReadForThemAlone() {
    Post post = post(Fixtures.unique("Own"));
    fixtures.comment(post.id(), null, "Ann", "Shown.", NOW.minusSeconds(600));
    long held =
        fixtures.comment(
            post.id(), null, "Dee", "Mine, held.", NOW.minusSeconds(300), CommentStatus.PENDING);
    PostDetail strangers = read(post);
    PostDetail mine =
        kept.detail(post, Set.of(held), discussion, CommentPageRequest.first(), NO_STARTS);
    assertEquals(2, mine.comments().size(), "their held comment, in place");
    assertEquals(1, read(post).comments().size(), "and nobody else's page has it");
    assertSame(strangers, read(post), "nor did reading for them change what is kept");
  }

  @Test
  void anEditedPostOrARenamedSlugShowsOnTheNextRead() {
    String slug = Fixtures.unique("slug").toLowerCase().replace(' ', '-');
    Post post = post(slug);
    sql("UPDATE posts SET slug = :s WHERE id = :id", Map.of("s", slug, "id", post.id()));
    assertTrue(kept.visiblePost(slug).isPresent());
    sql("UPDATE posts SET slug = :s WHERE id = :id", Map.of("s", slug + "-moved", "id", post.id()));
    assertTrue(kept.visiblePost(slug).isEmpty(), "the old slug finds nothing");
    Post moved = kept.visiblePost(slug + "-moved").orElseThrow();
    sql("UPDATE posts SET body_html = '<p>New text.</p>' WHERE id = :id", Map.of("id", post.id()));
    assertEquals("<p>New text.</p>", kept.visiblePost(slug + "-moved").orElseThrow().bodyHtml());
    assertNotSame(moved, kept.visiblePost(slug + "-moved").orElseThrow());
  }

  @Test
  void aPageOfTheHomePageIsKeptUntilItsPostsOrTheirCommentsChange() {
    long shown =
        fixtures.post(author, Fixtures.unique("Home"), PostStatus.PUBLISHED, NOW.minusSeconds(120));
    PostPage first = kept.home(1);
    assertSame(first, kept.home(1), "read once");
    assertEquals(0, summary(first, shown).commentCount());

    fixtures.comment(shown, null, "Ann", "Counted.", NOW.minusSeconds(60));
    PostPage counted = kept.home(1);
    assertEquals(1, summary(counted, shown).commentCount(), "its count, on the next read");
    assertSame(counted, kept.home(1));

    long newer =
        fixtures.post(author, Fixtures.unique("Newer"), PostStatus.PUBLISHED, NOW.minusSeconds(60));
    assertEquals(newer, summary(kept.home(1), newer).post().id(), "a new post, at once");
  }

  private static PostSummary summary(PostPage page, long postId) {
    return page.posts().stream()
        .filter(s -> s.post().id() == postId)
        .findFirst()
        .orElseThrow(() -> new AssertionError("post " + postId + " is not on " + page));
  }

  @Test
  void aScheduledPostIsFoundOnceItFallsDue() {
    String slug = Fixtures.unique("due").toLowerCase().replace(' ', '-');
    long id =
        fixtures.post(author, Fixtures.unique("Due"), PostStatus.SCHEDULED, NOW.plusSeconds(10));
    sql("UPDATE posts SET slug = :s WHERE id = :id", Map.of("s", slug, "id", id));
    assertEquals(Optional.empty(), kept.visiblePost(slug).map(Post::publishedAt), "not yet");
    clock.advance(Duration.ofSeconds(11));
    assertTrue(kept.visiblePost(slug).isPresent(), "due now");
  }
}
