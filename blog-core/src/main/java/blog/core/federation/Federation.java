package blog.core.federation;

import blog.core.comment.CommentEditing;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentService;
import blog.core.db.Transactions;
import blog.core.identity.IdentityRepository;
import blog.core.mail.RetryPolicy;
import blog.core.post.PostRepository;
import blog.core.site.SettingsRepository;
import blog.core.taxonomy.TermRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The fediverse feature assembled over one database: what the web half and the background jobs use.
 * Built only when {@code federation.enabled} is on.
 */
public record Federation(
    FederationSettings settings,
    SiteActor site,
    Supplier<SiteKey> key,
    InboxGate gate,
    Inbox inbox,
    PostObjects posts,
    PostFederation postSync,
    DeliveryWorker worker,
    DeliveryRepository deliveries,
    FollowerRepository followers,
    BlockRepository blocks,
    AvatarRepository avatars,
    FederatedPostRepository federatedPosts,
    ReactionRepository reactions,
    CommentFederation commentSync,
    KeyRotation keyRotation) {

  /** Attempts per delivery: with waits of 30 s doubling up to 1 h, about 11 hours in all. */
  public static final int MAX_ATTEMPTS = 15;

  /** The feature's own tables. */
  public record Stores(
      KeyRepository keys,
      FollowerRepository followers,
      BlockRepository blocks,
      DeliveryRepository deliveries,
      AvatarRepository avatars,
      FederatedPostRepository posts,
      FederatedCommentRepository comments,
      ReactionRepository reactions,
      SentCommentRepository sentComments) {}

  /** The pieces the feature shares with the rest of the blog. */
  public record Shared(
      Transactions transactions,
      SettingsRepository settings,
      PostRepository posts,
      TermRepository terms,
      CommentRepository comments,
      CommentService commentService,
      CommentEditing commentEditing,
      IdentityRepository identities,
      SecureRandom random,
      Clock clock) {}

  public static Federation create(
      FederationSettings settings,
      String baseUrl,
      Stores stores,
      Shared shared,
      RetryPolicy retry,
      Runnable wakeWorker) {
    Clock clock = shared.clock();
    SiteActor site = new SiteActor(baseUrl, settings.name());
    KeyRepository keys = stores.keys();
    // Made (or read) on first use and kept: every instance then signs with the one stored key.
    SiteKeys key = new SiteKeys(keys, shared.random(), clock);
    RemoteFetch fetch = new RemoteFetch(settings.allowLoopback());
    RemoteActors actors = new RemoteActors(fetch, key, site, clock);
    FollowerRepository followers = stores.followers();
    BlockRepository blocks = stores.blocks();
    DeliveryRepository deliveries = stores.deliveries();
    AvatarRepository avatars = stores.avatars();
    Outbox outbox = new Outbox(deliveries, followers);
    PostObjects objects = new PostObjects(site);
    FederatedPostRepository federatedPosts = stores.posts();
    RemoteReplies replies =
        new RemoteReplies(
            shared.commentService(),
            shared.commentEditing(),
            shared.comments(),
            shared.identities(),
            stores.comments(),
            avatars,
            fetch,
            site,
            clock);
    return new Federation(
        settings,
        site,
        key,
        new InboxGate(
            site,
            actors,
            blocks,
            new ServerRateLimit(
                ServerRateLimit.DEFAULT_LIMIT, ServerRateLimit.DEFAULT_WINDOW, clock),
            clock),
        new Inbox(
            site,
            followers,
            outbox,
            replies,
            stores.reactions(),
            actors,
            shared.posts(),
            shared.comments(),
            shared.transactions(),
            clock,
            wakeWorker),
        objects,
        new PostFederation(
            shared.transactions(),
            shared.settings(),
            shared.posts(),
            shared.terms(),
            federatedPosts,
            objects,
            outbox,
            clock),
        new DeliveryWorker(deliveries, fetch, key, site, retry, clock),
        deliveries,
        followers,
        blocks,
        avatars,
        federatedPosts,
        stores.reactions(),
        new CommentFederation(
            shared.transactions(),
            shared.settings(),
            settings,
            shared.posts(),
            shared.comments(),
            stores.sentComments(),
            new CommentNotes(site, shared.comments(), stores.comments(), stores.sentComments()),
            outbox,
            clock),
        new KeyRotation(
            shared.transactions(),
            keys,
            key,
            shared.settings(),
            site,
            outbox,
            shared.random(),
            clock,
            wakeWorker));
  }

  /** Whether the reply form under this post offers "Share this comment with the fediverse". */
  public boolean offersSharing(long postId) {
    return commentSync.sharing() && federatedPosts.isFederated(postId);
  }
}
