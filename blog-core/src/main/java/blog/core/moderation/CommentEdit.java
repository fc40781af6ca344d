package blog.core.moderation;

/**
 * A moderator's edit form for a comment, as typed and untrusted: the author's name, email and
 * website and the text. Checked like a new comment's fields before anything is stored.
 */
public record CommentEdit(String name, String email, String url, String body) {
  /** The form filled with the comment as it is. */
  public static CommentEdit of(QueueRow row) {
    return new CommentEdit(
        row.authorName(),
        row.authorEmail() == null ? "" : row.authorEmail(),
        row.authorUrl() == null ? "" : row.authorUrl(),
        row.bodySource());
  }
}
