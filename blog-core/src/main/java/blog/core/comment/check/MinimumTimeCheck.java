package blog.core.comment.check;

import blog.core.comment.DiscussionSettings;
import blog.core.comment.FieldError;
import blog.core.comment.NewComment;
import java.time.Duration;

/** People take a few seconds to write; robots post the instant the form arrives. */
public final class MinimumTimeCheck implements CommentCheck {
  @Override
  public Verdict check(NewComment comment, DiscussionSettings settings) {
    Duration taken = Duration.between(comment.context().formIssuedAt(), comment.context().now());
    return taken.getSeconds() >= settings.minSecondsToSubmit()
        ? Verdict.PASS
        : new Verdict.Reject(
            FieldError.FORM,
            "That was quick! Please take a moment, then submit your comment again.");
  }
}
