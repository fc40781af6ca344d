package blog.core.reading;

import blog.core.post.Post;
import blog.core.taxonomy.TermCount;
import java.util.List;

/** What the sidebar of every public page lists. */
public record Sidebar(
    List<Post> recentPosts, List<TermCount> categories, List<ArchiveMonth> months) {
  public Sidebar {
    recentPosts = List.copyOf(recentPosts);
    categories = List.copyOf(categories);
    months = List.copyOf(months);
  }
}
