package blog.core.comment.check;

import blog.core.comment.CommentRepository;
import blog.core.comment.DiscussionSettings;
import blog.core.comment.FieldError;
import blog.core.comment.NewComment;
import java.time.Instant;
import java.util.Optional;

/** One comment per client per N seconds (WordPress's flood check), counted in the database. */
public final class FloodCheck implements CommentCheck {
  public static final String MESSAGE = "You are posting comments too quickly. Slow down.";

  private final CommentRepository comments;

  public FloodCheck(CommentRepository comments) {
    this.comments = comments;
  }

  @Override
  public Verdict check(NewComment comment, DiscussionSettings settings) {
    String ip = comment.context().clientIp();
    if (settings.floodSeconds() == 0 || ip == null) {
      return Verdict.PASS;
    }
    Optional<Instant> last = comments.lastCommentFrom(ip);
    Instant allowedFrom = last.map(t -> t.plusSeconds(settings.floodSeconds())).orElse(Instant.MIN);
    return comment.context().now().isBefore(allowedFrom)
        ? new Verdict.Reject(FieldError.FORM, MESSAGE)
        : Verdict.PASS;
  }
}
