package blog.core.notify;

import blog.core.db.Transactions;
import blog.core.mail.MailQueueRepository;
import blog.core.post.Listing;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.site.SettingsRepository;
import blog.core.site.SiteSettings;
import blog.core.text.Excerpts;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Mails blog subscribers when a post appears: published now, or scheduled and come due (which
 * happens by time alone, without any request). A watermark in the settings table remembers up to
 * when posts were announced; moving it is a compare-and-set in the same transaction as queueing the
 * mails, so with several instances each post is announced exactly once.
 */
public final class NewPostAnnouncer {
  static final String WATERMARK = "notify.new-posts.announced-until";
  private static final int BATCH = 50;

  private final SettingsRepository settings;
  private final PostRepository posts;
  private final SubscriptionRepository subscriptions;
  private final MailQueueRepository queue;
  private final NotificationMails mails;
  private final Transactions transactions;
  private final Clock clock;
  private final Excerpts excerpts = new Excerpts();

  public NewPostAnnouncer(
      SettingsRepository settings,
      PostRepository posts,
      SubscriptionRepository subscriptions,
      MailQueueRepository queue,
      NotificationMails mails,
      Transactions transactions,
      Clock clock) {
    this.settings = settings;
    this.posts = posts;
    this.subscriptions = subscriptions;
    this.queue = queue;
    this.mails = mails;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Queues announcements of posts that became visible since the last run; returns how many mails
   * were queued. The first run ever only sets the watermark: posts already there are old news.
   */
  public int announce() {
    Instant now = clock.instant();
    String stored = settings.putIfAbsent(WATERMARK, now.toString());
    Instant since;
    try {
      since = Instant.parse(stored);
    } catch (DateTimeParseException e) {
      settings.compareAndSet(WATERMARK, stored, now.toString());
      return 0;
    }
    if (!since.isBefore(now)) {
      return 0;
    }
    return transactions.inTransaction(
        () -> {
          if (!settings.compareAndSet(WATERMARK, stored, now.toString())) {
            return 0; // another instance announced this window
          }
          List<Subscription> readers = subscriptions.active(null);
          SiteSettings site = settings.site();
          int queued = 0;
          List<Post> fresh;
          int offset = 0;
          do {
            fresh =
                posts.list(
                    new Listing.Between(since.plusNanos(1), now.plusNanos(1)), now, BATCH, offset);
            offset += fresh.size();
            for (Post post : fresh) {
              String excerpt = excerpts.excerpt(post.excerpt(), post.bodyHtml());
              for (Subscription reader : readers) {
                queue.enqueue(mails.newPost(reader, post, excerpt, site), now);
                queued++;
              }
            }
          } while (fresh.size() == BATCH);
          return queued;
        });
  }
}
