package blog.core.editor;

/**
 * Which page of the admin's post list to show: a view, a title search (any text; blank for none), a
 * 1-based page, and whether to show only the acting user's posts.
 */
public record PostListQuery(PostFilter filter, String search, int page, boolean mineOnly) {
  public static final int MAX_SEARCH = 200;

  public PostListQuery {
    filter = filter == null ? PostFilter.ALL : filter;
    search = search == null ? "" : search.strip();
    if (search.length() > MAX_SEARCH) {
      search = search.substring(0, MAX_SEARCH);
    }
  }

  public static PostListQuery all() {
    return new PostListQuery(PostFilter.ALL, "", 1, false);
  }
}
