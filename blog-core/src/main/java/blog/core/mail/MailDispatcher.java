package blog.core.mail;

import jakarta.mail.MessagingException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued mail in the background: on one daemon thread it drains the queue every {@link
 * #POLL_INTERVAL} and whenever {@link #wake()} is called. Each instance of the blog runs one; they
 * share the queue safely because a mail is sent only by the dispatcher whose claim on it succeeded.
 *
 * <p>Delivery is at least once, not exactly once, in one case: if an instance dies after the server
 * accepted a mail but before the queue recorded it, the claim lapses after {@link #LEASE} and
 * another dispatcher sends the mail again.
 */
public final class MailDispatcher implements AutoCloseable {
  public static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

  /** Mails claimed per round trip; with {@link #LEASE} it bounds how long a claim must last. */
  static final int BATCH_SIZE = 5;

  /**
   * Long enough to send a whole batch even when every SMTP step runs into its 10 s timeout, so a
   * live dispatcher never loses a claim it is still working on.
   */
  static final Duration LEASE = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

  private final MailQueueRepository queue;
  private final Mailer mailer;
  private final RetryPolicy retry;
  private final Clock clock;
  private final String workerId;
  private final AtomicBoolean wakePending = new AtomicBoolean();
  private final AtomicBoolean queueDown = new AtomicBoolean();
  private volatile boolean closed;
  private ScheduledExecutorService executor;

  /**
   * @param workerId names this dispatcher in the queue's {@code claimed_by}; unique per instance
   *     (see {@link #newWorkerId()})
   */
  public MailDispatcher(
      MailQueueRepository queue, Mailer mailer, RetryPolicy retry, Clock clock, String workerId) {
    this.queue = queue;
    this.mailer = mailer;
    this.retry = retry;
    this.clock = clock;
    this.workerId = workerId;
  }

  /** Host, process id and a random part: unique across instances and restarts. */
  public static String newWorkerId() {
    String random = UUID.randomUUID().toString().substring(0, 8);
    return ManagementFactory.getRuntimeMXBean().getName() + "-" + random;
  }

  public String workerId() {
    return workerId;
  }

  /** Starts polling every {@link #POLL_INTERVAL}, beginning now. */
  public void start() {
    start(POLL_INTERVAL);
  }

  public synchronized void start(Duration pollInterval) {
    if (executor != null || closed) {
      throw new IllegalStateException("the mail dispatcher was started before");
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "mail-dispatcher");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    log.info("mail dispatcher {} started, polling every {}", workerId, pollInterval);
  }

  /** Asks for a drain soon, e.g. right after a mail was queued. Several wakes make one drain. */
  public synchronized void wake() {
    if (executor != null && !closed && wakePending.compareAndSet(false, true)) {
      executor.execute(
          () -> {
            wakePending.set(false);
            poll();
          });
    }
  }

  /**
   * Sends everything that is due now, on the calling thread, and returns how many mails it handled
   * (sent, rescheduled or failed). Mail that fails is rescheduled for later, so this ends.
   */
  public int drain() {
    int handled = 0;
    while (!closed) {
      List<QueuedMail> batch = queue.claimDue(clock.instant(), BATCH_SIZE, workerId, LEASE);
      if (batch.isEmpty()) {
        break;
      }
      for (QueuedMail mail : batch) {
        deliver(mail);
        handled++;
      }
    }
    return handled;
  }

  private void poll() {
    try {
      drain();
      if (queueDown.compareAndSet(true, false)) {
        log.info("mail queue reachable again");
      }
    } catch (RuntimeException e) {
      // Keep the schedule alive (a task that throws is never run again) and log an outage once.
      if (queueDown.compareAndSet(false, true)) {
        log.warn("mail queue unavailable, will retry: {}", Redaction.describe(e));
      }
    }
  }

  private void deliver(QueuedMail queued) {
    long id = queued.id();
    String domain = Redaction.domainOf(queued.mail().to());
    if (queued.attempts() > retry.maxAttempts()) {
      // Only a claim that lapsed (a dispatcher died mid-send) gets here: do not try forever.
      String error = "gave up: the last attempt never finished (lease expired)";
      queue.markFailed(id, workerId, error);
      log.warn("mail {} to {} failed after {} attempts: {}", id, domain, queued.attempts(), error);
      return;
    }
    try {
      mailer.send(queued.mail());
    } catch (MessagingException | RuntimeException e) {
      failed(queued, domain, Redaction.describe(e));
      return;
    }
    if (queue.markSent(id, workerId, clock.instant())) {
      log.info("mail {} to {} sent (attempt {})", id, domain, queued.attempts());
    } else {
      log.warn("mail {} to {} sent, but its claim had lapsed meanwhile", id, domain);
    }
  }

  private void failed(QueuedMail queued, String domain, String error) {
    long id = queued.id();
    int attempts = queued.attempts();
    if (retry.allowsRetryAfter(attempts)) {
      Instant next = clock.instant().plus(retry.delayAfter(attempts));
      queue.markRetry(id, workerId, error, next);
      log.info(
          "mail {} to {} not sent (attempt {}), retry at {}: {}",
          id,
          domain,
          attempts,
          next,
          error);
    } else {
      queue.markFailed(id, workerId, error);
      log.warn("mail {} to {} failed after {} attempts: {}", id, domain, attempts, error);
    }
  }

  /** Stops polling; a mail being sent is finished first (up to 30 s). */
  @Override
  public void close() {
    ScheduledExecutorService running;
    synchronized (this) {
      closed = true;
      running = executor;
    }
    if (running == null) {
      return;
    }
    running.shutdown();
    try {
      if (!running.awaitTermination(30, TimeUnit.SECONDS)) {
        running.shutdownNow();
      }
    } catch (InterruptedException e) {
      running.shutdownNow();
      Thread.currentThread().interrupt();
    }
    log.info("mail dispatcher {} stopped", workerId);
  }
}
