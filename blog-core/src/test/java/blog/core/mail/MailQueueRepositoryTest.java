package blog.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.testing.DatabaseTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailQueueRepositoryTest extends DatabaseTestBase {
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(10);
  private MailQueueRepository queue;

  @Override
  protected void prepare() {
    queue = new MailQueueRepository(db.database().jdbi());
  }

  @BeforeEach
  void emptyQueue() {
    db.database().jdbi().useHandle(h -> h.execute("DELETE FROM mail_queue"));
  }

  private static OutgoingMail mail(String subject) {
    return new OutgoingMail("reader@example.org", subject, "Body of " + subject, null);
  }

  private static List<Long> ids(List<QueuedMail> mails) {
    return mails.stream().map(QueuedMail::id).toList();
  }

  @Test
  void theMailLogForgetsFinishedMailsOlderThanItsRetentionButNothingUnsent() {
    long oldSent = queue.enqueue(mail("old sent"), T0);
    long oldFailed = queue.enqueue(mail("old failed"), T0);
    long oldQueued = queue.enqueue(mail("old still queued"), T0);
    long newSent = queue.enqueue(mail("new sent"), T0.plus(Duration.ofDays(20)));
    List<QueuedMail> claimed = queue.claimDue(T0.plus(Duration.ofDays(20)), 10, "w", LEASE);
    assertEquals(4, claimed.size());
    queue.markSent(oldSent, "w", T0);
    queue.markFailed(oldFailed, "w", "refused");
    queue.markSent(newSent, "w", T0.plus(Duration.ofDays(20)));
    queue.markRetry(oldQueued, "w", "busy", T0.plus(Duration.ofDays(21)));

    assertEquals(2, queue.deleteFinishedBefore(T0.plus(Duration.ofDays(10))));
    assertTrue(queue.findById(oldSent).isEmpty());
    assertTrue(queue.findById(oldFailed).isEmpty());
    assertTrue(queue.findById(oldQueued).isPresent(), "mail still to be sent stays");
    assertTrue(queue.findById(newSent).isPresent(), "newer mail stays");
  }

  @Test
  void claimedMailComesBackExactlyAsQueued() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("List-Unsubscribe", "<https://blog.example/u?t=1>, <mailto:u@blog.example>");
    headers.put("X-Empty", "");
    headers.put("X-Spaces", "  a: b  ");
    headers.put("Auto-Submitted", "auto-generated");
    OutgoingMail sent =
        new OutgoingMail("joerg@bücher.example", "Grüße: »Hi«", "Zeile 1\nZeile 2", null, headers);
    long id = queue.enqueue(sent, T0);

    List<QueuedMail> claimed = queue.claimDue(T0, 10, "w1", LEASE);

    assertEquals(List.of(id), ids(claimed));
    QueuedMail mail = claimed.get(0);
    assertEquals(sent, mail.mail());
    assertEquals(
        List.of("List-Unsubscribe", "X-Empty", "X-Spaces", "Auto-Submitted"),
        List.copyOf(mail.mail().headers().keySet()),
        "header order survives the database");
    assertNull(mail.mail().htmlBody());
    assertEquals(MailStatus.SENDING, mail.status());
    assertEquals(1, mail.attempts());
    assertEquals("w1", mail.claimedBy());
    assertEquals(T0.plus(LEASE), mail.claimedUntil());
    assertEquals(T0, mail.createdAt());
  }

  @Test
  void onlyDueMailIsClaimedOldestFirstUpToTheLimit() {
    long second = queue.enqueue(mail("second"), T0.plusSeconds(10));
    long first = queue.enqueue(mail("first"), T0);
    queue.enqueue(mail("future"), T0.plusSeconds(60));

    assertEquals(List.of(first), ids(queue.claimDue(T0.plusSeconds(15), 1, "w1", LEASE)));
    assertEquals(List.of(second), ids(queue.claimDue(T0.plusSeconds(15), 10, "w1", LEASE)));
    assertEquals(List.of(), queue.claimDue(T0.plusSeconds(15), 10, "w1", LEASE));
  }

  @Test
  void aClaimHoldsUntilItsLeaseRunsOutThenAnotherWorkerTakesOver() {
    long id = queue.enqueue(mail("crash"), T0);
    assertEquals(List.of(id), ids(queue.claimDue(T0, 10, "w1", LEASE)));

    assertEquals(List.of(), queue.claimDue(T0, 10, "w2", LEASE));
    assertEquals(List.of(), queue.claimDue(T0.plus(LEASE).minusSeconds(1), 10, "w2", LEASE));
    List<QueuedMail> takenOver = queue.claimDue(T0.plus(LEASE), 10, "w2", LEASE);

    assertEquals(List.of(id), ids(takenOver));
    assertEquals(2, takenOver.get(0).attempts());
    assertEquals("w2", takenOver.get(0).claimedBy());
    assertFalse(queue.markSent(id, "w1", T0.plus(LEASE)), "w1 lost its claim");
    assertFalse(queue.markRetry(id, "w1", "late", T0.plus(LEASE)));
    assertTrue(queue.markSent(id, "w2", T0.plus(LEASE).plusSeconds(1)));
    QueuedMail sent = queue.findById(id).orElseThrow();
    assertEquals(MailStatus.SENT, sent.status());
    assertEquals("w2", sent.claimedBy());
    assertNull(sent.claimedUntil());
    assertEquals(T0.plus(LEASE).plusSeconds(1), sent.sentAt());
  }

  @Test
  void retriedMailWaitsWithItsErrorAndFailedMailStaysFailed() {
    long retried = queue.enqueue(mail("retried"), T0);
    long failed = queue.enqueue(mail("failed"), T0);
    queue.claimDue(T0, 10, "w1", LEASE);

    assertTrue(queue.markRetry(retried, "w1", "421 try later", T0.plusSeconds(30)));
    assertTrue(queue.markFailed(failed, "w1", "550 no such user"));

    QueuedMail waiting = queue.findById(retried).orElseThrow();
    assertEquals(MailStatus.QUEUED, waiting.status());
    assertEquals("421 try later", waiting.lastError());
    assertEquals(T0.plusSeconds(30), waiting.nextAttemptAt());
    assertNull(waiting.claimedUntil());
    assertEquals("550 no such user", queue.findById(failed).orElseThrow().lastError());
    assertEquals(
        Map.of(
            MailStatus.QUEUED,
            1L,
            MailStatus.SENDING,
            0L,
            MailStatus.SENT,
            0L,
            MailStatus.FAILED,
            1L),
        queue.countByStatus());
    assertEquals(List.of(), queue.claimDue(T0.plusSeconds(29), 10, "w2", LEASE));
    assertEquals(List.of(retried), ids(queue.claimDue(T0.plusSeconds(30), 10, "w2", LEASE)));
    assertEquals(2, queue.findById(retried).orElseThrow().attempts());
    assertTrue(queue.markSent(retried, "w2", T0.plusSeconds(31)));
    assertEquals(List.of(), queue.claimDue(T0.plus(Duration.ofDays(30)), 10, "w3", LEASE));
    assertEquals(MailStatus.FAILED, queue.findById(failed).orElseThrow().status());
  }

  @Test
  void aVeryLongErrorIsCutToFit() {
    long id = queue.enqueue(mail("long error"), T0);
    queue.claimDue(T0, 1, "w1", LEASE);

    queue.markFailed(id, "w1", "x".repeat(5000));

    assertEquals(2000, queue.findById(id).orElseThrow().lastError().length());
  }

  @Test
  void workersClaimingAtOnceNeverGetTheSameMail() throws Exception {
    int total = 60;
    Set<Long> queued = new HashSet<>();
    for (int i = 0; i < total; i++) {
      queued.add(queue.enqueue(mail("race " + i), T0));
    }
    int workers = 4;
    CyclicBarrier start = new CyclicBarrier(workers);
    ExecutorService threads = Executors.newFixedThreadPool(workers);
    List<Long> claimed = new ArrayList<>();
    try {
      List<Future<List<Long>>> runs = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        String worker = "w" + w;
        runs.add(
            threads.submit(
                () -> {
                  start.await();
                  List<Long> mine = new ArrayList<>();
                  List<QueuedMail> batch;
                  while (!(batch = queue.claimDue(T0, 3, worker, LEASE)).isEmpty()) {
                    mine.addAll(ids(batch));
                  }
                  return mine;
                }));
      }
      for (Future<List<Long>> run : runs) {
        claimed.addAll(run.get(2, TimeUnit.MINUTES));
      }
    } finally {
      threads.shutdownNow();
    }

    assertEquals(total, claimed.size(), "no mail claimed twice");
    assertEquals(queued, new HashSet<>(claimed), "every mail claimed");
  }
}
