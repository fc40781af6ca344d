package blog.core.editor;

import blog.core.post.PostRepository;
import java.util.Locale;

/**
 * The views of the admin's post list. "Published" is what readers see (so it includes scheduled
 * posts whose time has come, by the same rule as the blog); "scheduled" is what waits for its time.
 */
public enum PostFilter {
  ALL("p.status <> 'trash'"),
  PUBLISHED(PostRepository.READABLE),
  DRAFTS("p.status = 'draft'"),
  SCHEDULED(
      "p.status IN ('published', 'scheduled') AND (p.published_at IS NULL OR p.published_at > :now)"),
  TRASH("p.status = 'trash'");

  /** A fixed SQL condition on posts {@code p}; may bind {@code :now}. */
  final String condition;

  PostFilter(String condition) {
    this.condition = condition;
  }

  /** The filter a request parameter names ("drafts", "trash"…), ALL for anything else. */
  public static PostFilter fromParam(String value) {
    if (value != null) {
      for (PostFilter f : values()) {
        if (f.name().equalsIgnoreCase(value.strip())) {
          return f;
        }
      }
    }
    return ALL;
  }

  public String param() {
    return name().toLowerCase(Locale.ROOT);
  }
}
