package blog.core.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.db.Transactions;
import blog.core.mail.MailQueueRepository;
import blog.core.mail.MailStatus;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.security.Signer;
import blog.core.site.SettingsRepository;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import blog.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class NewPostAnnouncerTest extends DatabaseTestBase {
  private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

  private Fixtures fixtures;
  private SubscriptionRepository subscriptions;
  private MailQueueRepository queue;
  private MutableClock clock;

  @Override
  protected void prepare() {
    var jdbi = db.database().jdbi();
    fixtures = new Fixtures(jdbi);
    subscriptions = new SubscriptionRepository(jdbi);
    queue = new MailQueueRepository(jdbi);
    clock = new MutableClock(START);
  }

  private NewPostAnnouncer announcer() {
    var jdbi = db.database().jdbi();
    return new NewPostAnnouncer(
        new SettingsRepository(jdbi),
        new PostRepository(jdbi),
        subscriptions,
        queue,
        new NotificationMails(
            "https://blog.example", new NotificationTokens(new Signer(new byte[32]))),
        new Transactions(jdbi),
        clock);
  }

  private long queued() {
    return queue.countByStatus().get(MailStatus.QUEUED);
  }

  @Test
  void postsThatAppearAreAnnouncedOnceToConfirmedSubscribersOnly() throws Exception {
    long author = fixtures.author("Announcer");
    fixtures.post(author, "Old news", PostStatus.PUBLISHED, START.minusSeconds(3600));
    var confirmed = subscriptions.request("reader@example.org", null, START).subscription();
    subscriptions.activate(confirmed.id(), START);
    subscriptions.request("pending@example.org", null, START);

    assertEquals(0, announcer().announce(), "the first run only remembers where it starts");

    clock.advance(Duration.ofMinutes(5));
    fixtures.post(author, "Fresh", PostStatus.PUBLISHED, clock.instant().minusSeconds(60));
    fixtures.post(
        author, "Due later", PostStatus.SCHEDULED, clock.instant().plus(Duration.ofMinutes(30)));
    fixtures.post(author, "Draft", PostStatus.DRAFT, null);
    long before = queued();

    // Two instances at the same moment: one announces, the other finds the window taken.
    List<Integer> results = twoAtOnce(() -> announcer().announce());
    assertEquals(1, results.stream().mapToInt(Integer::intValue).sum());
    assertEquals(before + 1, queued());

    clock.advance(Duration.ofMinutes(10));
    assertEquals(0, announcer().announce(), "nothing new");

    clock.advance(Duration.ofMinutes(30));
    assertEquals(1, announcer().announce(), "the scheduled post came due by time alone");
    assertTrue(queued() >= before + 2);
  }

  private static List<Integer> twoAtOnce(Callable<Integer> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> futures = pool.invokeAll(List.of(task, task));
      List<Integer> results = new ArrayList<>();
      for (Future<Integer> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
