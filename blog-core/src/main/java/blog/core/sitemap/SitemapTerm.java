package blog.core.sitemap;

import blog.core.taxonomy.Term;
import java.time.Instant;

/** A category or tag with visible posts, and when the newest change among them happened. */
public record SitemapTerm(Term term, Instant lastModified) {}
