package blog.core.moderation;

import blog.core.comment.CommentStatus;
import java.util.Map;

/** How many comments each tab holds: the "N pending" badge and the numbers on the tabs. */
public record QueueCounts(int pending, int approved, int spam, int trash) {
  static QueueCounts from(Map<CommentStatus, Integer> byStatus) {
    return new QueueCounts(
        byStatus.getOrDefault(CommentStatus.PENDING, 0),
        byStatus.getOrDefault(CommentStatus.APPROVED, 0),
        byStatus.getOrDefault(CommentStatus.SPAM, 0),
        byStatus.getOrDefault(CommentStatus.TRASH, 0));
  }

  /** The "All" tab: everything but spam and trash. */
  public int all() {
    return pending + approved;
  }

  public int of(QueueView view) {
    return switch (view) {
      case ALL -> all();
      case PENDING -> pending;
      case APPROVED -> approved;
      case SPAM -> spam;
      case TRASH -> trash;
    };
  }
}
