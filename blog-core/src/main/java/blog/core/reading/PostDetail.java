package blog.core.reading;

import blog.core.comment.ThreadedComment;
import blog.core.identity.CommenterIdentity;
import blog.core.post.PostSummary;
import java.util.List;
import java.util.Map;

/** A single post as a reader sees it, with its approved comments threaded. */
public record PostDetail(
    PostSummary summary, List<ThreadedComment> comments, Map<Long, CommenterIdentity> identities) {
  public PostDetail {
    comments = List.copyOf(comments);
    identities = Map.copyOf(identities);
  }
}
