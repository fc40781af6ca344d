package blog.core.sitemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.ListingKey;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sitemap too big for one file is split into files of posts that together list every visible post
 * once, newest first, in files of the set size (posts published at the same instant included), and
 * nothing readers cannot see.
 */
class SitemapReaderTest extends DatabaseTestBase {
  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

  private final List<String> visible = new ArrayList<>();
  private SitemapRepository repository;
  private PostRepository posts;

  @Override
  protected void prepare() {
    var jdbi = db.database().jdbi();
    repository = new SitemapRepository(jdbi);
    posts = new PostRepository(jdbi);
    Fixtures f = new Fixtures(jdbi);
    long author = f.author("Sam");
    visible.clear(); // the same instance runs on each database
    for (int i = 0; i < 11; i++) {
      // Pairs share their instant: a file may end between two posts published together.
      Instant at = NOW.minusSeconds(3_600L * (20 - i / 2));
      visible.add(0, slug(f.post(author, "Mapped " + i, PostStatus.PUBLISHED, at)));
    }
    f.post(author, "Draft", PostStatus.DRAFT, null);
    f.post(author, "Later", PostStatus.SCHEDULED, NOW.plusSeconds(60));
  }

  private String slug(long id) {
    return posts.findById(id).orElseThrow().slug();
  }

  private SitemapReader reader(int perFile) {
    return new SitemapReader(repository, posts, Clock.fixed(NOW, ZoneOffset.UTC), perFile);
  }

  private static List<String> slugs(List<SitemapPost> listed) {
    return listed.stream().map(SitemapPost::slug).toList();
  }

  @Test
  void aBlogWhosePostsFitInOneFileGetsOneFile() {
    SitemapReader.Content whole = reader(11).whole().orElseThrow();
    assertEquals(visible, slugs(whole.posts()));
    assertEquals(1, reader(11).fileStarts().size());
  }

  @Test
  void aBiggerOneIsSplitIntoFilesThatListEveryPostOnceNewestFirst() {
    for (int perFile : List.of(1, 2, 3, 4, 10)) {
      SitemapReader reader = reader(perFile);
      assertTrue(reader.whole().isEmpty(), "more than " + perFile + " posts need an index");
      List<ListingKey> starts = reader.fileStarts();
      assertEquals((visible.size() + perFile - 1) / perFile, starts.size());
      List<String> listed = new ArrayList<>();
      for (int n = 0; n < starts.size(); n++) {
        List<String> file = slugs(reader.postsFrom(starts.get(n)));
        int expected = Math.min(perFile, visible.size() - n * perFile);
        assertEquals(expected, file.size(), "file " + (n + 1) + " of " + perFile + " a file");
        listed.addAll(file);
      }
      assertEquals(visible, listed, perFile + " a file");
      assertEquals(
          reader(visible.size()).whole().orElseThrow().archives().posts(),
          reader.archives().posts(),
          "the archives file dates by every visible post");
    }
  }
}
