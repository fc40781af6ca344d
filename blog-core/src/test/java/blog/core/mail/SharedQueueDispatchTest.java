package blog.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.db.Database;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Several instances of the blog, each with its dispatcher, sharing one queue. */
class SharedQueueDispatchTest extends MailDispatchTestBase {
  @Test
  void mailHeldByACrashedInstanceIsTakenOverOnceItsLeaseRunsOut() throws Exception {
    smtp.start();
    long orphan = queue.enqueue(plain("orphan@example.org", "Orphaned"), clock.instant());
    long poison = queue.enqueue(plain("poison@example.org", "Crashes every time"), clock.instant());
    // "crashed" claims both and dies; the poison mail had used up its attempts already.
    queue.claimDue(clock.instant(), 10, "crashed", MailDispatcher.LEASE);
    db.database()
        .jdbi()
        .useHandle(h -> h.execute("UPDATE mail_queue SET attempts = 3 WHERE id = ?", poison));
    MailDispatcher survivor = dispatcher(queue, "survivor", 3);

    assertEquals(0, survivor.drain(), "claims still held");
    clock.advance(MailDispatcher.LEASE);
    assertEquals(2, survivor.drain());

    assertTrue(smtp.await(1, WAIT));
    assertEquals(
        List.of("Orphaned"), smtp.received().stream().map(MailDispatchTestBase::subject).toList());
    QueuedMail sent = queue.findById(orphan).orElseThrow();
    assertEquals(MailStatus.SENT, sent.status());
    assertEquals("survivor", sent.claimedBy());
    assertEquals(2, sent.attempts());
    QueuedMail failed = queue.findById(poison).orElseThrow();
    assertEquals(MailStatus.FAILED, failed.status());
    assertTrue(failed.lastError().contains("lease expired"), failed.lastError());
  }

  @Test
  void twoInstancesDrainingTogetherSendEachMailExactlyOnce() throws Exception {
    smtp.start();
    int total = 50;
    for (int i = 0; i < total; i++) {
      queue.enqueue(plain("reader" + i + "@example.org", "Mail " + i), clock.instant());
    }
    try (Database second = Database.open(db.settings())) {
      List<MailDispatcher> instances =
          List.of(
              dispatcher(queue, "instance-a", 8),
              dispatcher(new MailQueueRepository(second.jdbi()), "instance-b", 8));
      CyclicBarrier start = new CyclicBarrier(instances.size());
      ExecutorService threads = Executors.newFixedThreadPool(instances.size());
      try {
        List<Future<Integer>> runs = new ArrayList<>();
        for (MailDispatcher instance : instances) {
          runs.add(
              threads.submit(
                  () -> {
                    start.await();
                    return instance.drain();
                  }));
        }
        int handled = 0;
        for (Future<Integer> run : runs) {
          handled += run.get(2, TimeUnit.MINUTES);
        }
        assertEquals(total, handled, "claims handed out, summed over both instances");
      } finally {
        threads.shutdownNow();
      }
    }

    assertTrue(smtp.await(total, WAIT));
    List<MimeMessage> received = smtp.received();
    assertEquals(total, received.size(), "each mail arrived once");
    Set<String> subjects =
        received.stream().map(MailDispatchTestBase::subject).collect(Collectors.toSet());
    assertEquals(total, subjects.size());
    assertEquals(total, queue.countByStatus().get(MailStatus.SENT));
    List<Integer> attempts =
        db.database()
            .jdbi()
            .withHandle(
                h -> h.createQuery("SELECT attempts FROM mail_queue").mapTo(Integer.class).list());
    assertTrue(attempts.stream().allMatch(a -> a == 1), "no mail was claimed twice: " + attempts);
    List<String> senders =
        db.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT DISTINCT claimed_by FROM mail_queue ORDER BY claimed_by")
                        .mapTo(String.class)
                        .list());
    assertEquals(List.of("instance-a", "instance-b"), senders, "both instances sent mail");
  }
}
