package blog.core.sitemap;

import blog.core.post.ListingKey;
import blog.core.post.PostRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a sitemap may list: only what readers can see now. A blog whose posts fit in one file gets
 * one sitemap; a larger one a sitemap index over files of {@link #POSTS_PER_FILE} posts each (as
 * WordPress splits its own), newest first, and one file for everything else, so no post is left out
 * however many there are and each file of posts is a keyset read.
 */
public final class SitemapReader {
  /** Posts in one file of posts (WordPress's number). */
  public static final int POSTS_PER_FILE = 2_000;

  private final SitemapRepository repository;
  private final PostRepository posts;
  private final Clock clock;
  private final int perFile;

  public SitemapReader(SitemapRepository repository, PostRepository posts, Clock clock) {
    this(repository, posts, clock, POSTS_PER_FILE);
  }

  /** With {@code perFile} posts to a file (tests use a few). */
  public SitemapReader(
      SitemapRepository repository, PostRepository posts, Clock clock, int perFile) {
    if (perFile < 1) {
      throw new IllegalArgumentException("perFile must be positive: " + perFile);
    }
    this.repository = repository;
    this.posts = posts;
    this.clock = clock;
    this.perFile = perFile;
  }

  /** The whole sitemap in one file, when the visible posts fit in one; else empty. */
  public Optional<Content> whole() {
    Instant now = clock.instant();
    List<SitemapPost> newest = repository.posts(now, perFile + 1);
    if (newest.size() > perFile) {
      return Optional.empty();
    }
    return Optional.of(
        new Content(newest, repository.pages(now), repository.terms(now), repository.authors(now)));
  }

  /**
   * Where each file of posts starts, newest first: the key of every {@code perFile}-th visible
   * post, in one pass over the listing index (callers keep it per listing version).
   */
  public List<ListingKey> fileStarts() {
    return posts.visibleKeysEvery(clock.instant(), perFile);
  }

  /** The posts of the file that starts at {@code start}, newest first. */
  public List<SitemapPost> postsFrom(ListingKey start) {
    return repository.postsFrom(clock.instant(), start, perFile);
  }

  /**
   * What the file beside the posts' files lists: pages, terms and authors, with the dates of every
   * visible post (for the home page's and the daily, monthly and yearly archives' own).
   */
  public Archives archives() {
    Instant now = clock.instant();
    return new Archives(
        repository.postDates(now),
        repository.pages(now),
        repository.terms(now),
        repository.authors(now));
  }

  /**
   * Every visible post's dates (newest first), readable pages, and the terms and authors holding
   * posts.
   */
  public record Archives(
      List<PostDates> posts,
      List<SitemapPost> pages,
      List<SitemapTerm> terms,
      List<SitemapAuthor> authors) {
    public Archives {
      posts = List.copyOf(posts);
      pages = List.copyOf(pages);
      terms = List.copyOf(terms);
      authors = List.copyOf(authors);
    }
  }

  /** Visible posts (newest first), readable pages, and the terms and authors of the posts. */
  public record Content(
      List<SitemapPost> posts,
      List<SitemapPost> pages,
      List<SitemapTerm> terms,
      List<SitemapAuthor> authors) {
    public Content {
      posts = List.copyOf(posts);
      pages = List.copyOf(pages);
      terms = List.copyOf(terms);
      authors = List.copyOf(authors);
    }

    /** The same as {@link #archives} reads it. */
    public Archives archives() {
      return new Archives(
          posts.stream().map(p -> new PostDates(p.publishedAt(), p.lastModified())).toList(),
          pages,
          terms,
          authors);
    }
  }
}
