package blog.web.post;

/** Links to the neighbouring pages of comments (null where there is none). */
public record CommentPagesView(String previousUrl, String nextUrl, boolean newestFirst) {
  public boolean isShown() {
    return previousUrl != null || nextUrl != null;
  }
}
