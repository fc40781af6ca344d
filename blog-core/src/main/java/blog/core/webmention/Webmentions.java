package blog.core.webmention;

import blog.core.comment.CommentEditing;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentService;
import blog.core.db.Transactions;
import blog.core.federation.AvatarRepository;
import blog.core.federation.BlockRepository;
import blog.core.federation.DeliveryRepository;
import blog.core.federation.DeliveryWorker;
import blog.core.federation.RemoteFetch;
import blog.core.federation.ServerRateLimit;
import blog.core.identity.IdentityRepository;
import blog.core.mail.RetryPolicy;
import blog.core.post.PostRepository;
import blog.core.site.SettingsRepository;
import java.time.Clock;
import java.time.Duration;

/**
 * Webmention assembled over one database: the endpoint's door, the two background workers (one
 * verifying received mentions, one sending the blog's own), what queues the posts' links, and the
 * stores the web half and the admin read. Built only when {@code webmention.enabled} is on.
 */
public record Webmentions(
    String endpoint,
    MentionReceiver receiver,
    PostMentions posts,
    DeliveryWorker checker,
    DeliveryWorker sender,
    MentionRepository mentions,
    DeliveryRepository checks,
    DeliveryRepository deliveries,
    AvatarRepository avatars,
    BlockRepository blocks) {
  public static final String ENDPOINT_PATH = "/webmention";
  public static final String AVATARS_PATH = "/webmention/avatars/";

  /** Verifying tries a source 5 times (about 8 minutes); sending a mention 10 (about 3 hours). */
  public static final int CHECK_ATTEMPTS = 5;

  public static final int SEND_ATTEMPTS = 10;

  /** The queue of received mentions waiting to be verified. */
  public static final DeliveryRepository.Table CHECKS =
      new DeliveryRepository.Table("webmention_checks", "target", "source");

  /** The queue of mentions the blog sends. */
  public static final DeliveryRepository.Table DELIVERIES =
      new DeliveryRepository.Table("webmention_deliveries", "target", "source");

  /**
   * The feature's stores: its own tables ({@code checks} over {@link #CHECKS}, {@code deliveries}
   * over {@link #DELIVERIES}), and the fediverse's avatars and blocked servers, which it shares.
   */
  public record Stores(
      MentionRepository mentions,
      SentLinkRepository sentLinks,
      DeliveryRepository checks,
      DeliveryRepository deliveries,
      AvatarRepository avatars,
      BlockRepository blocks) {}

  /** The pieces Webmention shares with the rest of the blog. */
  public record Shared(
      Transactions transactions,
      SettingsRepository settings,
      PostRepository posts,
      CommentRepository comments,
      CommentService commentService,
      CommentEditing commentEditing,
      IdentityRepository identities,
      Clock clock) {}

  /** {@code wake} asks the background job to verify soon, after a mention was queued. */
  public static Webmentions create(
      WebmentionSettings settings, String baseUrl, Stores stores, Shared shared, Runnable wake) {
    Clock clock = shared.clock();
    RemoteFetch fetch = new RemoteFetch(settings.allowLoopback());
    MentionRepository mentions = stores.mentions();
    DeliveryRepository checks = stores.checks();
    DeliveryRepository deliveries = stores.deliveries();
    AvatarRepository avatars = stores.avatars();
    BlockRepository blocks = stores.blocks();
    MentionReceiver receiver =
        new MentionReceiver(
            shared.transactions(),
            mentions,
            checks,
            shared.posts(),
            shared.settings(),
            blocks,
            new ServerRateLimit(MentionReceiver.LIMIT_PER_MINUTE, Duration.ofMinutes(1), clock),
            baseUrl,
            clock,
            wake);
    MentionVerifier verifier =
        new MentionVerifier(
            mentions,
            shared.commentService(),
            shared.commentEditing(),
            shared.comments(),
            shared.identities(),
            avatars,
            blocks,
            fetch,
            baseUrl + AVATARS_PATH,
            clock);
    return new Webmentions(
        baseUrl + ENDPOINT_PATH,
        receiver,
        new PostMentions(
            shared.transactions(),
            shared.settings(),
            shared.posts(),
            stores.sentLinks(),
            deliveries,
            baseUrl,
            clock),
        new DeliveryWorker(
            checks, verifier, RetryPolicy.exponential(CHECK_ATTEMPTS), clock, "mention check"),
        new DeliveryWorker(
            deliveries,
            new MentionSender(new EndpointDiscovery(fetch), fetch),
            RetryPolicy.exponential(SEND_ATTEMPTS),
            clock,
            "webmention"),
        mentions,
        checks,
        deliveries,
        avatars,
        blocks);
  }
}
