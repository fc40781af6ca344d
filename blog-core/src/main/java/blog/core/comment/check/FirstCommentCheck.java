package blog.core.comment.check;

import blog.core.comment.CommentRepository;
import blog.core.comment.DiscussionSettings;
import blog.core.comment.NewComment;

/**
 * WordPress's moderation: hold everything, hold a commenter's first comment until one of theirs has
 * been approved, or hold nothing for being new.
 */
public final class FirstCommentCheck implements CommentCheck {
  private final CommentRepository comments;

  public FirstCommentCheck(CommentRepository comments) {
    this.comments = comments;
  }

  @Override
  public Verdict check(NewComment comment, DiscussionSettings settings) {
    return switch (settings.moderation()) {
      case ALL -> new Verdict.Hold("every comment is held for moderation");
      case NONE -> Verdict.PASS;
      case FIRST ->
          comment.authorEmail() != null && comments.hasApprovedCommentByEmail(comment.authorEmail())
              ? Verdict.PASS
              : new Verdict.Hold("first comment from this commenter");
    };
  }
}
