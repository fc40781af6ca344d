package blog.core.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the first pages of something paged (a listing of posts, a post's comment threads) start:
 * the key of each page's first item, for {@code perPage} items a page, through page {@code
 * firsts.size()}, or through the last page if {@code complete}. With it page N is a keyset read
 * (items from that key on), costing the same for page 2 or page 5,000, instead of skipping (N - 1)
 * × perPage rows. Read along an index only as far as pages are asked for, and kept while what is
 * paged stays the same.
 */
public record KeyedPages<K>(int perPage, List<K> firsts, boolean complete) {
  /**
   * Reads the key of every {@code every}-th item among at most {@code limit} items, from item
   * {@code from} on (it included; null: from the first).
   */
  @FunctionalInterface
  public interface KeyReader<K> {
    List<K> keysEvery(int every, K from, int limit);
  }

  public KeyedPages {
    firsts = List.copyOf(firsts);
  }

  /** Whether page {@code page} is known to start somewhere or known not to exist. */
  public boolean covers(int page) {
    return complete || page <= firsts.size();
  }

  /** The key of page {@code page}'s first item (pages count from 1), if known and it exists. */
  public Optional<K> start(int page) {
    return page >= 1 && page <= firsts.size()
        ? Optional.of(firsts.get(page - 1))
        : Optional.empty();
  }

  /**
   * Where pages of {@code perPage} items start, through page {@code page} at least: {@code known}
   * (made for what is paged as it is now, or null) if it covers that page for that page size, else
   * it extended by reading on from its last page's start, past no more items than the new pages
   * hold: asking for page 50 reads 50 pages' keys once, not every key there is.
   */
  public static <K> KeyedPages<K> through(
      KeyedPages<K> known, int perPage, int page, KeyReader<K> reader) {
    if (known != null && known.perPage() == perPage && known.covers(page)) {
      return known;
    }
    boolean fresh = known == null || known.perPage() != perPage || known.firsts().isEmpty();
    List<K> firsts = fresh ? new ArrayList<>() : new ArrayList<>(known.firsts());
    K from = fresh ? null : firsts.remove(firsts.size() - 1);
    // From the start of the last page known (read again: the first key found) to that of `page`.
    long items = (long) (page - 1 - firsts.size()) * perPage + 1;
    int limit = (int) Math.min(items, Integer.MAX_VALUE);
    List<K> found = reader.keysEvery(perPage, from, limit);
    firsts.addAll(found);
    return new KeyedPages<>(perPage, firsts, found.size() < (limit - 1) / perPage + 1);
  }
}
