package blog.web.post;

/**
 * The staff member reading a post page with their admin session, as the page shows them: "Logged in
 * as ..." in the reply form, and "Edit" links to the editor ({@code postEditUrl}, empty when they
 * may not edit this post) and to the moderation screen ({@code moderates}: the post's comments).
 */
public record StaffView(String name, String avatarUrl, String postEditUrl, boolean moderates) {
  /** What the templates see for a reader who is not staff: no name, no links. */
  static final StaffView NONE = new StaffView("", "", "", false);

  /** The editor of post {@code postId}. */
  static String postEditUrl(long postId) {
    return "/admin/posts/" + postId + "/edit";
  }

  /** The moderation screen's edit form for comment {@code commentId}. */
  static String commentEditUrl(long commentId) {
    return "/admin/comments/" + commentId + "/edit";
  }
}
