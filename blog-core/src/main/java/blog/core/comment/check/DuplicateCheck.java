package blog.core.comment.check;

import blog.core.comment.CommentRepository;
import blog.core.comment.DiscussionSettings;
import blog.core.comment.NewComment;

/** The same person saying the same thing twice on one post. */
public final class DuplicateCheck implements CommentCheck {
  public static final String MESSAGE =
      "Duplicate comment detected; it looks as though you’ve already said that!";

  private final CommentRepository comments;

  public DuplicateCheck(CommentRepository comments) {
    this.comments = comments;
  }

  @Override
  public Verdict check(NewComment comment, DiscussionSettings settings) {
    boolean seen =
        comments.hasSameComment(
            comment.postId(), comment.authorEmail(), comment.authorName(), comment.body());
    return seen ? new Verdict.Reject("body", MESSAGE) : Verdict.PASS;
  }
}
