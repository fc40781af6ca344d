package blog.core.federation;

import blog.core.db.Transactions;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.site.SettingsRepository;
import blog.core.site.SiteSettings;
import blog.core.taxonomy.TermRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Sends posts to the followers: a post that became visible (published now, or scheduled and come
 * due, which happens without any request) as a {@code Create}, an edit as an {@code Update}, a post
 * trashed, unpublished or deleted as a {@code Delete}. It compares the posts with what was sent
 * ({@code federation_posts}) and queues the difference in the same transaction as it records it,
 * holding a cluster lock, so with several instances each change is queued exactly once, and a
 * change made while the blog was down is sent after it starts. Posts published before federation
 * was first on are old news and are not announced (the new-post mails work the same way).
 */
public final class PostFederation {
  static final String SINCE = "federation.posts.since";
  static final String LOCK = "federation-posts";
  private static final int BATCH = 50;

  private final Transactions transactions;
  private final SettingsRepository settings;
  private final PostRepository posts;
  private final TermRepository terms;
  private final FederatedPostRepository federated;
  private final PostObjects objects;
  private final Outbox outbox;
  private final Clock clock;

  public PostFederation(
      Transactions transactions,
      SettingsRepository settings,
      PostRepository posts,
      TermRepository terms,
      FederatedPostRepository federated,
      PostObjects objects,
      Outbox outbox,
      Clock clock) {
    this.transactions = transactions;
    this.settings = settings;
    this.posts = posts;
    this.terms = terms;
    this.federated = federated;
    this.objects = objects;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Queues what changed since the last run; returns how many activities it queued. */
  public int sync() {
    Instant now = clock.instant();
    Instant since = since(now);
    return transactions.inTransactionHolding(
        LOCK,
        () -> {
          int queued = 0;
          SiteSettings site = settings.site();
          for (long id : federated.unannounced(since, now, BATCH)) {
            Post post = posts.findById(id).orElseThrow();
            queued +=
                outbox.toFollowers(
                    objects.announce(article(post, site), false, post.version()), now);
            federated.announced(id, post.version(), now);
          }
          for (FederatedPostRepository.Changed changed : federated.changed(now, BATCH)) {
            if (changed.gone()) {
              queued += outbox.toFollowers(objects.delete(changed.postId()), now);
              federated.deleted(changed.postId(), now);
            } else {
              Post post = posts.findById(changed.postId()).orElseThrow();
              queued +=
                  outbox.toFollowers(
                      objects.announce(article(post, site), true, post.version()), now);
              federated.updated(post.id(), post.version(), now);
            }
          }
          return queued;
        });
  }

  /** The post as an {@code Article}, with its tags, as readers' servers fetch it. */
  public tools.jackson.databind.node.ObjectNode article(Post post) {
    return article(post, settings.site());
  }

  private tools.jackson.databind.node.ObjectNode article(Post post, SiteSettings site) {
    return objects.article(
        post, terms.forPosts(List.of(post.id())).getOrDefault(post.id(), List.of()), site);
  }

  /** When federation was first on: posts published before are not announced. */
  private Instant since(Instant now) {
    String stored = settings.putIfAbsent(SINCE, now.toString());
    try {
      return Instant.parse(stored);
    } catch (DateTimeParseException e) {
      settings.compareAndSet(SINCE, stored, now.toString());
      return now;
    }
  }
}
