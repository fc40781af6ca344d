package blog.core.sitemap;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** What a sitemap may list: only what readers can see now. */
public final class SitemapReader {
  /** The sitemaps.org limit of URLs in one file, less room for the archive pages. */
  public static final int MAX_POSTS = 40_000;

  private final SitemapRepository repository;
  private final Clock clock;

  public SitemapReader(SitemapRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  public Content read() {
    Instant now = clock.instant();
    return new Content(repository.posts(now, MAX_POSTS), repository.terms(now));
  }

  /** Visible posts (newest first) and the terms that hold them. */
  public record Content(List<SitemapPost> posts, List<SitemapTerm> terms) {
    public Content {
      posts = List.copyOf(posts);
      terms = List.copyOf(terms);
    }
  }
}
