package blog.core.comment;

/**
 * What the reply form sent, exactly as typed and entirely untrusted. It is also what an error page
 * puts back into the form, so nothing a person typed is ever lost. {@code shareWithFediverse} is
 * false only when the form offered the fediverse box and the writer unticked it.
 */
public record CommentForm(
    String postId,
    String parentId,
    String name,
    String email,
    String url,
    String body,
    String honeypot,
    boolean notifyFollowUps,
    boolean notifyPosts,
    boolean remember,
    boolean shareWithFediverse) {

  /** A form without the fediverse box (or with it ticked). */
  public CommentForm(
      String postId,
      String parentId,
      String name,
      String email,
      String url,
      String body,
      String honeypot,
      boolean notifyFollowUps,
      boolean notifyPosts,
      boolean remember) {
    this(
        postId,
        parentId,
        name,
        email,
        url,
        body,
        honeypot,
        notifyFollowUps,
        notifyPosts,
        remember,
        true);
  }

  public static CommentForm empty(long postId) {
    return new CommentForm(Long.toString(postId), "", "", "", "", "", "", false, false, false);
  }

  /** The same form, typed text kept, replying to another comment (or to the post). */
  public CommentForm replyingTo(String parent) {
    return new CommentForm(
        postId,
        parent,
        name,
        email,
        url,
        body,
        honeypot,
        notifyFollowUps,
        notifyPosts,
        remember,
        shareWithFediverse);
  }

  public String bodyOrEmpty() {
    return body == null ? "" : body;
  }
}
