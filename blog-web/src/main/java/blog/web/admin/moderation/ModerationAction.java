package blog.web.admin.moderation;

import blog.core.comment.CommentStatus;
import blog.core.identity.User;
import blog.core.moderation.ModerationQueue;
import blog.core.moderation.QueueView;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a moderator's buttons and the bulk menu do, with the words the screens use for it. */
enum ModerationAction {
  APPROVE("Approve", "approved"),
  UNAPPROVE("Unapprove", "unapproved"),
  SPAM("Spam", "marked as spam"),
  TRASH("Trash", "moved to the trash"),
  RESTORE("Restore", "restored"),
  DELETE("Delete permanently", "deleted permanently");

  private final String label;
  private final String done;

  ModerationAction(String label, String done) {
    this.label = label;
    this.done = done;
  }

  String param() {
    return name().toLowerCase(Locale.ROOT);
  }

  String label() {
    return label;
  }

  static Optional<ModerationAction> fromParam(String value) {
    return Arrays.stream(values()).filter(a -> a.param().equals(value)).findFirst();
  }

  int apply(ModerationQueue queue, User actor, List<Long> ids) {
    return switch (this) {
      case APPROVE -> queue.approve(actor, ids);
      case UNAPPROVE -> queue.unapprove(actor, ids);
      case SPAM -> queue.markSpam(actor, ids);
      case TRASH -> queue.trash(actor, ids);
      case RESTORE -> queue.restore(actor, ids);
      case DELETE -> queue.deletePermanently(actor, ids);
    };
  }

  /** "3 comments approved." */
  String notice(int count) {
    return count + (count == 1 ? " comment " : " comments ") + done + ".";
  }

  /** The buttons a comment in {@code status} gets. */
  static List<ModerationAction> forStatus(CommentStatus status) {
    return switch (status) {
      case PENDING -> List.of(APPROVE, SPAM, TRASH);
      case APPROVED -> List.of(UNAPPROVE, SPAM, TRASH);
      default -> List.of(RESTORE, DELETE);
    };
  }

  /** The bulk menu of a tab. */
  static List<ModerationAction> forView(QueueView view) {
    return switch (view) {
      case SPAM, TRASH -> List.of(RESTORE, DELETE);
      default -> List.of(APPROVE, UNAPPROVE, SPAM, TRASH);
    };
  }
}
