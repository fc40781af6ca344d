package blog.core.reading;

import blog.core.post.Listing;
import blog.core.post.ListingKey;

/**
 * Where the pages of a listing start, as the listing is now: {@link BlogReader#listingPages} read
 * afresh, or kept and extended until the listing changes (the web layer keeps them per listing
 * version).
 */
@FunctionalInterface
public interface PageStarts {
  /**
   * Where the pages of {@code listing} start, {@link KeyedPages#covers covering} page {@code page};
   * null if not known (pages are then read by skipping).
   */
  KeyedPages<ListingKey> of(Listing listing, int page);
}
