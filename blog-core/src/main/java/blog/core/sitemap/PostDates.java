package blog.core.sitemap;

import java.time.Instant;

/** When a visible post was published and last changed: what archives' dates are made of. */
public record PostDates(Instant publishedAt, Instant lastModified) {}
