package blog.core.moderation;

/**
 * Which page of the queue to show: a tab, optionally one post, and where to start. With neither
 * cursor it is the newest page; {@code olderThan} continues below a page, {@code newerThan} goes
 * back up. {@code postId} and the cursors may be null.
 */
public record QueueQuery(
    QueueView view, Long postId, QueueCursor olderThan, QueueCursor newerThan) {
  public QueueQuery {
    if (view == null) {
      throw new IllegalArgumentException("a queue query needs a view");
    }
    if (olderThan != null && newerThan != null) {
      throw new IllegalArgumentException("page older or newer than a cursor, not both");
    }
  }

  /** The newest page of a tab. */
  public static QueueQuery first(QueueView view) {
    return new QueueQuery(view, null, null, null);
  }

  public QueueQuery onPost(Long post) {
    return new QueueQuery(view, post, olderThan, newerThan);
  }

  public QueueQuery olderThan(QueueCursor cursor) {
    return new QueueQuery(view, postId, cursor, null);
  }

  public QueueQuery newerThan(QueueCursor cursor) {
    return new QueueQuery(view, postId, null, cursor);
  }
}
