package blog.core.editor;

import blog.core.post.PostRepository;
import java.util.Locale;

/**
 * The views of the admin's post list. "Published" is what readers see (so it includes scheduled
 * posts whose time has come, by the same rule as the blog); "scheduled" is what waits for its time.
 */
public enum PostFilter {
  ALL("p.status <> 'trash'", ByDate.ANY_STATUS),
  /**
   * {@link PostRepository#READABLE}, with the status written as the two it is not (the same rows,
   * statuses being four): asked for by IN, H2 read every published post by the status index and
   * sorted them, where this reads the date index in order and stops at the page.
   */
  PUBLISHED("p.status NOT IN ('draft', 'trash') AND p.published_at <= :now", ByDate.ANY_STATUS),
  DRAFTS("p.status = 'draft'", ByDate.ONE_STATUS),
  SCHEDULED(
      "p.status IN ('published', 'scheduled') AND (p.published_at IS NULL OR p.published_at > :now)",
      ByDate.ANY_STATUS),
  TRASH("p.status = 'trash'", ByDate.ONE_STATUS);

  /** A fixed SQL condition on posts {@code p}; may bind {@code :now}. */
  final String condition;

  /** Newest first, as the view's index ({@code posts_admin_list_idx}) holds its rows. */
  final String order;

  PostFilter(String condition, String order) {
    this.condition = condition;
    this.order = order;
  }

  /**
   * Orders by the listing date ({@code listed_at}: published, else last changed), newest first. A
   * view of one status names the status first, constant there, so that H2 reads the (status, date)
   * index in order and stops at the page instead of sorting the view.
   */
  private static final class ByDate {
    static final String ANY_STATUS = " ORDER BY p.listed_at DESC, p.id DESC";
    static final String ONE_STATUS = " ORDER BY p.status, p.listed_at DESC, p.id DESC";
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
