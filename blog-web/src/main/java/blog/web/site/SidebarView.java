package blog.web.site;

import java.util.List;

/**
 * The sidebar every public page shows: the search box, recent posts, categories, monthly archives.
 */
public record SidebarView(
    boolean search, List<TermLink> recentPosts, List<TermLink> categories, List<TermLink> months) {
  public static final SidebarView EMPTY = new SidebarView(false, List.of(), List.of(), List.of());

  public SidebarView {
    recentPosts = List.copyOf(recentPosts);
    categories = List.copyOf(categories);
    months = List.copyOf(months);
  }

  public boolean isEmpty() {
    return !search && recentPosts.isEmpty() && categories.isEmpty() && months.isEmpty();
  }
}
