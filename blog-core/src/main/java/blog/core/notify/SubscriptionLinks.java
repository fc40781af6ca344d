package blog.core.notify;

import blog.core.NotFoundException;
import blog.core.identity.UserRepository;
import blog.core.post.PostRepository;
import blog.core.site.SettingsRepository;
import java.time.Clock;

/**
 * What the links in notification mails do: confirm a pending subscription, or stop mails (a
 * reader's subscription, or an author's comment notices). A link that is not ours is a 404.
 */
public final class SubscriptionLinks {
  private final NotificationTokens tokens;
  private final SubscriptionRepository subscriptions;
  private final UserRepository users;
  private final PostRepository posts;
  private final SettingsRepository settings;
  private final Clock clock;

  public SubscriptionLinks(
      NotificationTokens tokens,
      SubscriptionRepository subscriptions,
      UserRepository users,
      PostRepository posts,
      SettingsRepository settings,
      Clock clock) {
    this.tokens = tokens;
    this.subscriptions = subscriptions;
    this.users = users;
    this.posts = posts;
    this.settings = settings;
    this.clock = clock;
  }

  /** "new comments on “Title”" or "new posts on Site", for the confirmation page. */
  public String describeConfirmation(String token) {
    return describe(subscription(tokens.confirmedSubscription(token).orElse(null)));
  }

  public String confirm(String token) {
    Subscription s = subscription(tokens.confirmedSubscription(token).orElse(null));
    subscriptions.activate(s.id(), clock.instant());
    return describe(s);
  }

  /** What the unsubscribe link would stop, for its page. */
  public String describeUnsubscribe(String token) {
    NotificationTokens.Target target = target(token);
    if (target instanceof NotificationTokens.Target.OfAuthor author) {
      return authorNotices(author.userId());
    }
    long id = ((NotificationTokens.Target.OfSubscription) target).subscriptionId();
    return describe(subscription(id));
  }

  public String unsubscribe(String token) {
    NotificationTokens.Target target = target(token);
    if (target instanceof NotificationTokens.Target.OfAuthor author) {
      String what = authorNotices(author.userId());
      users.setCommentNotices(author.userId(), false);
      return what;
    }
    Subscription s =
        subscription(((NotificationTokens.Target.OfSubscription) target).subscriptionId());
    subscriptions.unsubscribe(s.id(), clock.instant());
    return describe(s);
  }

  private NotificationTokens.Target target(String token) {
    return tokens
        .unsubscribeTarget(token)
        .orElseThrow(() -> new NotFoundException("unsubscribe link"));
  }

  private String authorNotices(long userId) {
    if (users.findById(userId).isEmpty()) {
      throw new NotFoundException("user " + userId);
    }
    return "mails about comments on your posts";
  }

  private Subscription subscription(Long id) {
    if (id == null) {
      throw new NotFoundException("subscription link");
    }
    return subscriptions.findById(id).orElseThrow(() -> new NotFoundException("subscription"));
  }

  private String describe(Subscription s) {
    if (s.isBlogWide()) {
      return "new posts on " + settings.site().title();
    }
    return posts
        .findById(s.postId())
        .map(p -> "new comments on “" + p.title() + "”")
        .orElse("new comments on a post");
  }
}
