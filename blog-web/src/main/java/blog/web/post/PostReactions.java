package blog.web.post;

/**
 * How many times other sites liked or reposted a post (received as Webmentions), shown quietly
 * under it; {@link #NONE} while nothing counts them.
 */
@FunctionalInterface
public interface PostReactions {
  PostReactions NONE = postId -> Counts.ZERO;

  Counts of(long postId);

  /** The counts, and the line that shows them ("" for none). */
  record Counts(long likes, long reposts) {
    public static final Counts ZERO = new Counts(0, 0);

    public boolean shown() {
      return likes > 0 || reposts > 0;
    }

    public String text() {
      String l = likes == 1 ? "1 like" : likes + " likes";
      String r = reposts == 1 ? "1 repost" : reposts + " reposts";
      return likes > 0 && reposts > 0 ? l + " · " + r : likes > 0 ? l : reposts > 0 ? r : "";
    }
  }
}
