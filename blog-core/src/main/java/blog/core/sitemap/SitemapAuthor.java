package blog.core.sitemap;

import java.time.Instant;

/**
 * An author with visible posts, as a sitemap lists their archive: its slug (see {@code
 * blog.core.identity.Byline}) and when the newest of their posts last changed.
 */
public record SitemapAuthor(String slug, Instant lastModified) {}
