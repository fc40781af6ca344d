package blog.core.comment;

import java.util.List;

/** A comment in its thread: how deep it sits and the replies under it, oldest first. */
public record ThreadedComment(Comment comment, int depth, List<ThreadedComment> replies) {
  public ThreadedComment {
    replies = List.copyOf(replies);
  }
}
