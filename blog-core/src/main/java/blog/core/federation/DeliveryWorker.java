package blog.core.federation;

import blog.core.mail.RetryPolicy;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers queued activities: claims due rows (so of several instances exactly one sends each),
 * signs and POSTs each to its inbox, and records the outcome. A failure is retried with growing
 * waits (the mail queue's {@link RetryPolicy}); an inbox that answers 4xx (other than 408 and 429)
 * refuses for good, and so does the last allowed attempt: the delivery is then dead, shown to the
 * admin, who may send it again. What a delivery is and how it is sent is a {@link Transport}: a
 * signed activity here, a Webmention elsewhere.
 */
public final class DeliveryWorker {
  /** Sends one delivery, returning the HTTP status answered; {@link Refused} when it cannot. */
  @FunctionalInterface
  public interface Transport {
    int send(Delivery delivery);
  }

  static final int BATCH_SIZE = 10;

  /** Long enough for a batch whose every request runs into its timeouts. */
  static final Duration LEASE = Duration.ofMinutes(5);

  /** What a remote inbox may answer with; its body is not read further. */
  static final int MAX_ANSWER_BYTES = 64 * 1024;

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

  private final DeliveryRepository queue;
  private final Transport transport;
  private final RetryPolicy retry;
  private final Clock clock;
  private final String what;
  private final String workerId;

  public DeliveryWorker(
      DeliveryRepository queue,
      RemoteFetch fetch,
      Supplier<SiteKey> key,
      SiteActor site,
      RetryPolicy retry,
      Clock clock) {
    this(queue, signed(fetch, key, site, clock), retry, clock, "activity");
  }

  /** A worker for any queue of this shape; {@code what} names its deliveries in the log. */
  public DeliveryWorker(
      DeliveryRepository queue, Transport transport, RetryPolicy retry, Clock clock, String what) {
    this.queue = queue;
    this.transport = transport;
    this.retry = retry;
    this.clock = clock;
    this.what = what;
    this.workerId =
        ManagementFactory.getRuntimeMXBean().getName()
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Sends everything due now, on the calling thread; returns how many deliveries it handled. */
  public int drain() {
    int handled = 0;
    while (true) {
      List<Delivery> batch = queue.claimDue(clock.instant(), BATCH_SIZE, workerId, LEASE);
      if (batch.isEmpty()) {
        return handled;
      }
      for (Delivery delivery : batch) {
        deliver(delivery);
        handled++;
      }
    }
  }

  private void deliver(Delivery delivery) {
    if (delivery.attempts() > retry.maxAttempts()) {
      queue.markDead(delivery.id(), workerId, "gave up: the last attempt never finished");
      return;
    }
    String error;
    boolean permanent = false;
    try {
      String host = RemoteActors.uri(delivery.inbox()).getHost();
      int status = transport.send(delivery);
      if (status >= 200 && status < 300) {
        queue.markDelivered(delivery.id(), workerId, clock.instant());
        log.info("{} {} delivered to {}", what, delivery.id(), host);
        return;
      }
      error = host + " answered " + status;
      permanent = status >= 400 && status < 500 && status != 408 && status != 429;
    } catch (Refused e) {
      error = e.getMessage();
      permanent = e.status() == 400 || e.status() == 403;
    } catch (RuntimeException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    if (!permanent && retry.allowsRetryAfter(delivery.attempts())) {
      Instant next = clock.instant().plus(retry.delayAfter(delivery.attempts()));
      queue.markRetry(delivery.id(), workerId, error, next);
      log.info(
          "{} {} not delivered (attempt {}), retry at {}: {}",
          what,
          delivery.id(),
          delivery.attempts(),
          next,
          error);
    } else {
      queue.markDead(delivery.id(), workerId, error);
      log.warn(
          "{} {} not delivered, given up after {} attempts: {}",
          what,
          delivery.id(),
          delivery.attempts(),
          error);
    }
  }

  /** Activities: signed with the site's key and POSTed to the inbox. */
  private static Transport signed(
      RemoteFetch fetch, Supplier<SiteKey> key, SiteActor site, Clock clock) {
    return delivery -> {
      URI inbox = RemoteActors.uri(delivery.inbox());
      byte[] body = delivery.activity().getBytes(StandardCharsets.UTF_8);
      Map<String, String> headers =
          new java.util.LinkedHashMap<>(
              HttpSignatures.sign(
                  "post", inbox, body, site.keyId(), key.get().privateKey(), clock.instant()));
      headers.put("Content-Type", "application/activity+json");
      return fetch.post(inbox, headers, body, MAX_ANSWER_BYTES).status();
    };
  }
}
