package blog.core.post;

import java.time.Instant;

/** Where a post stands in a listing (newest first, then highest id): a keyset position. */
public record ListingKey(Instant publishedAt, long id) {}
