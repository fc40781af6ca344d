package blog.core.comment.check;

import blog.core.comment.DiscussionSettings;
import blog.core.comment.NewComment;

/**
 * One small rule about new comments. Rules run in order; the first rejection wins, then spam, then
 * the first hold. An Akismet-style service is one more implementation of this interface.
 */
public interface CommentCheck {
  Verdict check(NewComment comment, DiscussionSettings settings);
}
