package blog.core.comment.check;

import blog.core.comment.CommentRepository;
import blog.core.comment.DiscussionSettings;
import blog.core.comment.FieldError;
import blog.core.comment.NewComment;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One comment per client per N seconds (WordPress's flood check), counted in the database. The
 * refusal says how long is left, so the commenter need not guess and retry.
 */
public final class FloodCheck implements CommentCheck {

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
    Instant now = comment.context().now();
    return now.isBefore(allowedFrom)
        ? new Verdict.Reject(FieldError.FORM, message(Duration.between(now, allowedFrom)))
        : Verdict.PASS;
  }

  /** The refusal for a commenter who may comment again after {@code wait}, in whole seconds up. */
  public static String message(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return "You are posting comments too quickly. Please wait "
        + seconds
        + (seconds == 1 ? " second" : " seconds")
        + " before commenting again.";
  }
}
