package blog.web.site;

import blog.core.change.ContentVersions;
import blog.core.post.PostSummary;
import io.javalin.http.Context;
import java.util.List;

/**
 * What an answer shows, so the page cache keeps it at the version of just that (see
 * blog.core.change.ContentVersions): one post's page, which no other post's comments change; a
 * listing of posts, which shows their comment counts but no comment, so only their comments and the
 * listing change it; or, unmarked, anything.
 */
public final class Shown {
  private static final String ATTRIBUTE = "shown";
  private static final String PERSONAL = "shown.personal";

  /** What an unmarked answer shows: one immutable value for all of them. */
  private static final What ANYTHING = new Anything();

  private Shown() {}

  /** What is shown: it tells the version of itself out of the versions as read now. */
  public sealed interface What {
    long version(ContentVersions versions);
  }

  /** One post's page: the post, its comments and their commenters, and the listing. */
  public record OnePost(long postId) implements What {
    @Override
    public long version(ContentVersions versions) {
      return versions.forPost(postId);
    }
  }

  /**
   * A listing whose posts' comments are in the rows {@code slots} (see {@link
   * ContentVersions#slotsOf}): the posts, terms and authors, and those posts' comment counts.
   */
  public record Listing(long slots) implements What {
    @Override
    public long version(ContentVersions versions) {
      return versions.forListing(slots);
    }
  }

  /** An answer not marked: any change may show on it. */
  public record Anything() implements What {
    @Override
    public long version(ContentVersions versions) {
      return versions.all();
    }
  }

  /** The page being rendered is post {@code postId}'s. */
  public static void post(Context ctx, long postId) {
    ctx.attribute(ATTRIBUTE, new OnePost(postId));
  }

  /** The answer being rendered lists {@code posts} (with their comment counts) and no comment. */
  public static void listing(Context ctx, List<PostSummary> posts) {
    ctx.attribute(
        ATTRIBUTE,
        new Listing(ContentVersions.slotsOf(posts.stream().map(s -> s.post().id()).toList())));
  }

  /**
   * The answer being rendered shows what only this visitor may see (a staff member's name and
   * "Edit" links): no cache may keep it, whatever the request looked like. Answers that might be
   * shared are kept only for requests with no personal cookie, so this is the second lock.
   */
  public static void personal(Context ctx) {
    ctx.attribute(PERSONAL, Boolean.TRUE);
    ctx.header("Cache-Control", "private, no-store");
  }

  /** Whether {@link #personal} marked this answer. */
  public static boolean isPersonal(Context ctx) {
    return Boolean.TRUE.equals(ctx.attribute(PERSONAL));
  }

  /** What this answer was marked as showing; {@link Anything} if it was not. */
  public static What of(Context ctx) {
    What shown = ctx.attribute(ATTRIBUTE);
    return shown == null ? ANYTHING : shown;
  }
}
