package blog.web.site;

import blog.core.text.Excerpts;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Post teasers ({@link Excerpts}) kept in memory by the rendered body they are cut from: a teaser
 * parses the start of the body's HTML, which is most of a listing page's time. Keyed by the HTML
 * itself, so an edited post gets a new teaser at once; at most about {@code maxChars} characters of
 * bodies are kept.
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
  public String excerpt(String authorExcerpt, String bodyHtml) {
    if (authorExcerpt != null && !authorExcerpt.isBlank()) {
      return excerpts.excerpt(authorExcerpt, bodyHtml);
    }
    return fromBodies.get(bodyHtml == null ? "" : bodyHtml, body -> excerpts.excerpt(null, body));
  }
}
