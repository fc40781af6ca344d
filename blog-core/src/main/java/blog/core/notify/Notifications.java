package blog.core.notify;

import blog.core.comment.Comment;
import blog.core.comment.CommentForm;
import blog.core.comment.CommentNotifications;
import blog.core.comment.CommentStatus;
import blog.core.identity.User;
import blog.core.identity.UserRepository;
import blog.core.mail.MailQueueRepository;
import blog.core.mail.OutgoingMail;
import blog.core.post.Post;
import blog.core.site.SettingsRepository;
import blog.core.site.SiteSettings;
import java.time.Clock;
import java.util.Optional;

/** Queues the mails about comments; the mail dispatcher sends them, never the web request. */
public final class Notifications implements CommentNotifications {
  private final MailQueueRepository queue;
  private final SubscriptionRepository subscriptions;
  private final UserRepository users;
  private final SettingsRepository settings;
  private final NotificationMails mails;
  private final Clock clock;
  private final Runnable wakeSender;

  public Notifications(
      MailQueueRepository queue,
      SubscriptionRepository subscriptions,
      UserRepository users,
      SettingsRepository settings,
      NotificationMails mails,
      Clock clock,
      Runnable wakeSender) {
    this.queue = queue;
    this.subscriptions = subscriptions;
    this.users = users;
    this.settings = settings;
    this.mails = mails;
    this.clock = clock;
    this.wakeSender = wakeSender;
  }

  @Override
  public void stored(Comment comment, Post post, CommentForm form) {
    if (comment.status() == CommentStatus.SPAM || comment.status() == CommentStatus.TRASH) {
      return;
    }
    SiteSettings site = settings.site();
    tellAuthor(comment, post, site);
    String email = comment.authorEmail();
    if (email != null && form.notifyFollowUps()) {
      request(email, post.id(), post, site);
    }
    if (email != null && form.notifyPosts()) {
      request(email, null, post, site);
    }
    if (comment.status() == CommentStatus.APPROVED) {
      followUps(comment, post, site);
    }
  }

  @Override
  public void approved(Comment comment, Post post) {
    followUps(comment, post, settings.site());
  }

  @Override
  public void staffReplied(Comment comment, Post post) {
    SiteSettings site = settings.site();
    tellAuthor(comment, post, site);
    followUps(comment, post, site);
  }

  @Override
  public void afterCommit() {
    wakeSender.run();
  }

  private void tellAuthor(Comment comment, Post post, SiteSettings site) {
    Optional<User> author = users.findById(post.authorId());
    if (author.isEmpty()
        || author.get().email() == null
        || author.get().email().equalsIgnoreCase(nonNull(comment.authorEmail()))
        || !users.wantsCommentNotices(author.get().id())) {
      return;
    }
    enqueue(mails.toAuthor(author.get().email(), author.get().id(), comment, post, site));
  }

  private void followUps(Comment comment, Post post, SiteSettings site) {
    for (Subscription s : subscriptions.active(post.id())) {
      if (!s.email().equalsIgnoreCase(nonNull(comment.authorEmail()))) {
        enqueue(mails.followUp(s, comment, post, site));
      }
    }
  }

  private void request(String email, Long postId, Post post, SiteSettings site) {
    SubscriptionRepository.Requested requested =
        subscriptions.request(email, postId, clock.instant());
    if (requested.needsConfirmation()) {
      enqueue(mails.confirmation(requested.subscription(), post, site));
    }
  }

  private void enqueue(OutgoingMail mail) {
    queue.enqueue(mail, clock.instant());
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
