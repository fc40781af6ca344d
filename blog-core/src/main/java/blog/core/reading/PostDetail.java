package blog.core.reading;

import blog.core.comment.ThreadedComment;
import blog.core.identity.CommenterIdentity;
import blog.core.post.PostSummary;
import java.util.List;
import java.util.Map;

/**
 * A single post as a reader sees it, with one page of its approved comments threaded: {@code
 * comments} are the threads of page {@code commentPage}, and {@code identities} the log-in
 * identities they name. {@code commentPages} is the last page known to exist: more than {@code
 * commentPage} when a later page follows, less when there is no page {@code commentPage} (a long
 * discussion is not counted, so it may be just the next page).
 */
public record PostDetail(
    PostSummary summary,
    List<ThreadedComment> comments,
    int commentPage,
    int commentPages,
    Map<Long, CommenterIdentity> identities) {
  public PostDetail {
    comments = List.copyOf(comments);
    identities = Map.copyOf(identities);
  }
}
