package blog.core.reading;

import blog.core.comment.ThreadedComment;
import blog.core.post.PostSummary;
import java.util.List;

/** A single post as a reader sees it, with its approved comments threaded. */
public record PostDetail(PostSummary summary, List<ThreadedComment> comments) {
  public PostDetail {
    comments = List.copyOf(comments);
  }
}
