package blog.core.notify;

/**
 * A reader's email subscription: to the follow-up comments of one post ({@code postId} set) or to
 * new posts on the blog ({@code postId} null).
 */
public record Subscription(long id, String email, Long postId, SubscriptionStatus status) {
  public static String scopeOf(Long postId) {
    return postId == null ? "blog" : "post:" + postId;
  }

  public boolean isBlogWide() {
    return postId == null;
  }
}
