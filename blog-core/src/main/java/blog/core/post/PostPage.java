package blog.core.post;

import java.util.List;

/** One page of a listing, with enough to link to the pages around it. */
public record PostPage(List<PostSummary> posts, int page, boolean hasOlder) {
  public PostPage {
    posts = List.copyOf(posts);
  }

  public boolean hasNewer() {
    return page > 1;
  }
}
