package blog.web.post;

import java.util.List;

/** One page of a post listing with its heading and the links to its neighbours (or null). */
public record ListingView(
    String heading, List<PostView> posts, String newerUrl, String olderUrl, int page) {
  public ListingView {
    posts = List.copyOf(posts);
  }
}
