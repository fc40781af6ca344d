package blog.core.comment.check;

import blog.core.comment.DiscussionSettings;
import blog.core.comment.FieldError;
import blog.core.comment.NewComment;

/** A field people never see (hidden by CSS) but form-filling robots fill in. */
public final class HoneypotCheck implements CommentCheck {
  @Override
  public Verdict check(NewComment comment, DiscussionSettings settings) {
    return comment.honeypot().isEmpty()
        ? Verdict.PASS
        : new Verdict.Reject(
            FieldError.FORM,
            "Your comment was not accepted: a field meant to stay empty was filled in.");
  }
}
