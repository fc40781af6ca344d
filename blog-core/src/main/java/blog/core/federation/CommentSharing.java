package blog.core.federation;

import blog.core.comment.Comment;
import blog.core.comment.CommentForm;
import blog.core.comment.CommentNotifications;
import blog.core.post.Post;

/**
 * Records a writer's "do not share this comment with the fediverse" in the very transaction that
 * stores the comment (the comment service calls its notifications there), so the job that sends
 * comments can never see the comment without the choice; everything else goes on to the blog's
 * notifications unchanged.
 */
public final class CommentSharing implements CommentNotifications {
  private final CommentNotifications next;
  private final SentCommentRepository sent;

  public CommentSharing(CommentNotifications next, SentCommentRepository sent) {
    this.next = next;
    this.sent = sent;
  }

  @Override
  public void stored(Comment comment, Post post, CommentForm form) {
    if (!form.shareWithFediverse()) {
      sent.keepBack(comment.id());
    }
    next.stored(comment, post, form);
  }

  @Override
  public void approved(Comment comment, Post post) {
    next.approved(comment, post);
  }

  @Override
  public void staffReplied(Comment comment, Post post) {
    next.staffReplied(comment, post);
  }

  @Override
  public void afterCommit() {
    next.afterCommit();
  }
}
