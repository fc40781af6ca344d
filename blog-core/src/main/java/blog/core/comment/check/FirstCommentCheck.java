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

  /**
   * Known: an approved comment by the commenter behind this log-in identity (any identity linked to
   * it, or an address it proved by email log-in) or, for a guest, by this email; or (if the
   * settings trust them) any identity verified by a log-in provider.
   */
  private boolean known(NewComment comment, DiscussionSettings settings) {
    if (comment.identityId() != null) {
      return settings.trustIdentities()
          || comments.hasApprovedCommentByIdentity(comment.identityId());
    }
    return comment.authorEmail() != null
        && comments.hasApprovedCommentByEmail(comment.authorEmail());
  }

  @Override
  public Verdict check(NewComment comment, DiscussionSettings settings) {
    return switch (settings.moderation()) {
      case ALL -> new Verdict.Hold("every comment is held for moderation");
      case NONE -> Verdict.PASS;
      case FIRST ->
          known(comment, settings)
              ? Verdict.PASS
              : new Verdict.Hold("first comment from this commenter");
    };
  }
}
