package blog.core.reading;

import blog.core.post.ListingKey;
import java.util.List;
import java.util.Optional;

/**
 * Where each page of the home listing starts: the key of its first post, for {@code perPage} posts
 * a page. With it page N is a keyset read (posts from that key on), costing the same for page 2 or
 * page 5,000, instead of skipping (N - 1) × perPage rows. Made by one pass over the listing index
 * and kept while the listing stays the same.
 */
public record HomePages(int perPage, List<ListingKey> firsts) {
  public HomePages {
    firsts = List.copyOf(firsts);
  }

  /** The key of page {@code page}'s first post (pages count from 1), if that page exists. */
  public Optional<ListingKey> start(int page) {
    return page >= 1 && page <= firsts.size()
        ? Optional.of(firsts.get(page - 1))
        : Optional.empty();
  }
}
