package blog.core.sitemap;

import java.time.Instant;

/** A visible post as a sitemap lists it: where it lives and when it last changed. */
public record SitemapPost(String slug, Instant publishedAt, Instant lastModified) {}
