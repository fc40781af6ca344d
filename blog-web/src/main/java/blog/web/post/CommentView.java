package blog.web.post;

import java.util.List;

/**
 * A comment as the public page shows it. Deliberately without email, IP address or user agent: what
 * is not in the view cannot leak into a page. {@code permalink} is the comment's own address (the
 * post's permalink and the comment's anchor), for search engines.
 */
public record CommentView(
    long id,
    String authorName,
    String authorUrl,
    String avatarUrl,
    String date,
    String isoDate,
    String bodyHtml,
    int depth,
    boolean awaitingModeration,
    String replyUrl,
    boolean editable,
    String editUrl,
    boolean edited,
    List<CommentView> replies,
    String permalink) {
  public CommentView {
    replies = List.copyOf(replies);
  }

  public String anchor() {
    return "comment-" + id;
  }
}
