package blog.core.reading;

/**
 * Which page of a post's comments a reader asks for: a page by number ({@code comment-page-N}),
 * else the page showing a comment being answered or edited, else the first.
 */
public record CommentPageRequest(int page, long showing) {
  private static final CommentPageRequest FIRST = new CommentPageRequest(1, 0);

  public static CommentPageRequest first() {
    return FIRST;
  }

  /** Page {@code page} by number (a number below 1 names no page). */
  public static CommentPageRequest page(int page) {
    return new CommentPageRequest(page, 0);
  }

  /** The page that shows comment {@code id}; the first if the reader cannot see it. */
  public static CommentPageRequest showing(long id) {
    return new CommentPageRequest(0, id);
  }

  /** Whether the page is the one showing a comment rather than one by number. */
  boolean byComment() {
    return showing != 0;
  }
}
