package blog.core.reading;

import blog.core.post.ListingKey;
import java.util.List;
import java.util.Optional;

/**
 * Where the first pages of a listing (the home page, an archive) start: the key of each one's first
 * post, for {@code perPage} posts a page, through page {@code firsts.size()}, or through the last
 * page if {@code complete}. With it page N is a keyset read (posts from that key on), costing the
 * same for page 2 or page 5,000, instead of skipping (N - 1) × perPage rows. Read from the
 * listing's index as far as pages are asked for, and kept while the listing stays the same.
 */
public record ListingPages(int perPage, List<ListingKey> firsts, boolean complete) {
  public ListingPages {
    firsts = List.copyOf(firsts);
  }

  /** Whether page {@code page} is known to start somewhere or known not to exist. */
  public boolean covers(int page) {
    return complete || page <= firsts.size();
  }

  /**
   * The key of page {@code page}'s first post (pages count from 1), if known and that page exists.
   */
  public Optional<ListingKey> start(int page) {
    return page >= 1 && page <= firsts.size()
        ? Optional.of(firsts.get(page - 1))
        : Optional.empty();
  }
}
