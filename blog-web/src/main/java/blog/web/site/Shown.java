package blog.web.site;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * Marks an answer as the page of one post: it shows that post and its comments and nothing that
 * other posts' comments change, so the page cache keeps it at that post's own version (see
 * blog.core.change.ContentVersions#forPost) rather than at the whole blog's.
 */
public final class ShownPost {
  private static final String ATTRIBUTE = "shown-post";

  private ShownPost() {}

  /** The page being rendered is post {@code postId}'s. */
  public static void mark(Context ctx, long postId) {
    ctx.attribute(ATTRIBUTE, postId);
  }

  /** The post whose page this answer is, if it was marked as one. */
  public static Optional<Long> of(Context ctx) {
    return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
  }
}
