package blog.web.site;

import java.util.List;

/** The sidebar every public page shows: recent posts, categories, monthly archives. */
public record SidebarView(
    List<TermLink> recentPosts, List<TermLink> categories, List<TermLink> months) {
  public static final SidebarView EMPTY = new SidebarView(List.of(), List.of(), List.of());

  public SidebarView {
    recentPosts = List.copyOf(recentPosts);
    categories = List.copyOf(categories);
    months = List.copyOf(months);
  }

  public boolean isEmpty() {
    return recentPosts.isEmpty() && categories.isEmpty() && months.isEmpty();
  }
}
