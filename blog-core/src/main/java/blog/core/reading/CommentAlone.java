package blog.core.reading;

import blog.core.comment.ThreadedComment;
import blog.core.identity.CommenterIdentity;
import java.util.Map;

/** One comment at its depth in the thread, with the identity it was written under (if any). */
public record CommentAlone(ThreadedComment comment, Map<Long, CommenterIdentity> identities) {
  public CommentAlone {
    identities = Map.copyOf(identities);
  }
}
