package blog.web.site;

import blog.core.text.Excerpts;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Post teasers ({@link Excerpts}) kept in memory by the body they are cut from: a teaser made from
 * the body parses its whole Markdown, which was most of a listing page's time. Keyed by the body
 * text itself, so an edited post gets a new teaser at once; at most about {@code maxChars}
 * characters of bodies are kept.
 */
public final class KeptExcerpts {
  private final Excerpts excerpts = new Excerpts();
  private final Cache<String, String> fromBodies;

  public KeptExcerpts(long maxChars) {
    this.fromBodies =
        Caffeine.newBuilder()
            .maximumWeight(maxChars)
            .weigher((String body, String excerpt) -> body.length() + excerpt.length())
            .build();
  }

  /** As {@link Excerpts#excerpt}: the author's excerpt if there is one, else the body's start. */
  public String excerpt(String authorExcerpt, String bodyMarkdown) {
    if (authorExcerpt != null && !authorExcerpt.isBlank()) {
      return excerpts.excerpt(authorExcerpt, bodyMarkdown);
    }
    return fromBodies.get(
        bodyMarkdown == null ? "" : bodyMarkdown, body -> excerpts.excerpt(null, body));
  }
}
