package blog.core.moderation;

import blog.core.comment.CommentStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The moderation queue's tabs, as WordPress has them: "All" is what is not spam or trash. */
public enum QueueView {
  ALL(List.of(CommentStatus.PENDING, CommentStatus.APPROVED)),
  PENDING(List.of(CommentStatus.PENDING)),
  APPROVED(List.of(CommentStatus.APPROVED)),
  SPAM(List.of(CommentStatus.SPAM)),
  TRASH(List.of(CommentStatus.TRASH));

  private final List<CommentStatus> statuses;

  QueueView(List<CommentStatus> statuses) {
    this.statuses = statuses;
  }

  public List<CommentStatus> statuses() {
    return statuses;
  }

  /** The name in addresses such as {@code ?status=pending}. */
  public String param() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The view a request parameter names; empty for anything else. */
  public static Optional<QueueView> fromParam(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (QueueView view : values()) {
      if (view.param().equals(value.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(view);
      }
    }
    return Optional.empty();
  }
}
