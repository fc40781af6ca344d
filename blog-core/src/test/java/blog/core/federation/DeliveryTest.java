package blog.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.mail.RetryPolicy;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.MutableClock;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The delivery queue on H2 and PostgreSQL: claims, retries, dead letters, signed requests. */
class DeliveryTest extends DatabaseTestBase {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  private DeliveryRepository queue() {
    return new DeliveryRepository(db.database().jdbi());
  }

  @Test
  void severalWorkersClaimEachDeliveryExactlyOnce() throws Exception {
    DeliveryRepository queue = queue();
    Set<Long> queued = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      queued.add(queue.enqueue("https://x.example/inbox-" + i, "{}", NOW.minusSeconds(1), NOW));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Long>>> claims = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      String worker = "worker-" + w;
      claims.add(
          pool.submit(
              () -> {
                start.await();
                List<Long> mine = new ArrayList<>();
                List<Delivery> batch;
                while (!(batch = queue.claimDue(NOW, 3, worker, Duration.ofMinutes(5))).isEmpty()) {
                  batch.forEach(d -> mine.add(d.id()));
                }
                return mine;
              }));
    }
    start.countDown();
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> claim : claims) {
      all.addAll(claim.get());
    }
    pool.shutdown();
    Set<Long> distinct = new HashSet<>(all);
    assertEquals(all.size(), distinct.size(), "no delivery claimed twice");
    assertTrue(distinct.containsAll(queued), "every one of ours claimed");
  }

  @Test
  void deliveredRowsOfEveryQueueAreForgottenAfterTheirTimeAndDeadOnesOnlyWhenDismissed() {
    for (DeliveryRepository.Table table :
        java.util.List.of(
            DeliveryRepository.Table.ACTIVITIES,
            blog.core.webmention.Webmentions.CHECKS,
            blog.core.webmention.Webmentions.DELIVERIES)) {
      DeliveryRepository q = new DeliveryRepository(db.database().jdbi(), table);
      db.database().jdbi().useHandle(h -> h.execute("DELETE FROM " + table.name()));
      Instant later = NOW.plus(Duration.ofDays(10));
      long oldDelivered = q.enqueue("http://127.0.0.1:9/1", "{}", NOW, NOW);
      long newDelivered = q.enqueue("http://127.0.0.1:9/2", "{}", NOW, NOW);
      long dead = q.enqueue("http://127.0.0.1:9/3", "{}", NOW, NOW);
      long waiting = q.enqueue("http://127.0.0.1:9/4", "{}", NOW, NOW);
      assertEquals(4, q.claimDue(NOW, 10, "w", Duration.ofMinutes(5)).size(), table.name());
      assertTrue(q.markDelivered(oldDelivered, "w", NOW));
      assertTrue(q.markDelivered(newDelivered, "w", later));
      assertTrue(q.markDead(dead, "w", "410"));
      assertTrue(q.markRetry(waiting, "w", "503", NOW.plusSeconds(30)));

      assertEquals(1, q.deleteDeliveredBefore(NOW.plus(Duration.ofDays(7))), table.name());
      assertTrue(q.findById(oldDelivered).isEmpty(), "delivered long ago: forgotten");
      assertTrue(q.findById(newDelivered).isPresent(), "delivered lately: kept");
      assertTrue(q.findById(dead).isPresent(), "given up: kept for the admin");
      assertTrue(q.findById(waiting).isPresent(), "still to deliver: kept");

      assertFalse(q.dismiss(waiting), "only a dead one is dismissed");
      assertFalse(q.dismiss(newDelivered));
      assertTrue(q.dismiss(dead));
      assertTrue(q.findById(dead).isEmpty(), "dismissed");
      assertTrue(q.findById(waiting).isPresent());
      // Leave nothing due for the other tests' workers.
      db.database().jdbi().useHandle(h -> h.execute("DELETE FROM " + table.name()));
    }
  }

  @Test
  void deliveriesAreSignedRetriedAndGivenUp() throws Exception {
    Map<String, Integer> answers = new ConcurrentHashMap<>();
    List<Map<String, String>> seen = Collections.synchronizedList(new ArrayList<>());
    List<byte[]> bodies = Collections.synchronizedList(new ArrayList<>());
    HttpServer inbox =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    inbox.createContext(
        "/",
        x -> {
          Map<String, String> headers = new HashMap<>();
          x.getRequestHeaders()
              .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
          headers.put(":path", x.getRequestURI().getRawPath());
          seen.add(headers);
          bodies.add(x.getRequestBody().readAllBytes());
          x.sendResponseHeaders(answers.getOrDefault(x.getRequestURI().getPath(), 202), -1);
          x.close();
        });
    inbox.start();
    try {
      String base = "http://127.0.0.1:" + inbox.getAddress().getPort();
      answers.put("/flaky", 503);
      answers.put("/gone", 410);
      MutableClock clock = new MutableClock(NOW);
      SiteActor site = new SiteActor("https://blog.example", "blog");
      KeyRepository keys = new KeyRepository(db.database().jdbi());
      SiteKey key = keys.current(new SecureRandom(), NOW);
      assertEquals(key.publicPem(), keys.current(new SecureRandom(), NOW).publicPem(), "made once");
      DeliveryRepository queue = queue();
      DeliveryWorker worker =
          new DeliveryWorker(
              queue,
              new RemoteFetch(true),
              () -> key,
              site,
              new RetryPolicy(3, Duration.ofSeconds(30), Duration.ofMinutes(5)),
              clock);
      worker.drain(); // whatever other tests left due
      String activity = "{\"type\":\"Create\",\"id\":\"" + base + "/a\"}";
      long ok = queue.enqueue(base + "/ok", activity, NOW, NOW);
      long flaky = queue.enqueue(base + "/flaky", activity, NOW, NOW);
      long gone = queue.enqueue(base + "/gone", activity, NOW, NOW);
      seen.clear();
      bodies.clear();
      worker.drain();

      assertEquals(DeliveryStatus.DELIVERED, queue.findById(ok).orElseThrow().status());
      Delivery retried = queue.findById(flaky).orElseThrow();
      assertEquals(DeliveryStatus.QUEUED, retried.status());
      assertEquals(NOW.plusSeconds(30), retried.nextAttemptAt());
      assertTrue(retried.lastError().contains("503"), retried.lastError());
      Delivery dead = queue.findById(gone).orElseThrow();
      assertEquals(DeliveryStatus.DEAD, dead.status(), "a 410 is refused for good");

      // Every request carried a valid signature by the site key over its body.
      assertEquals(3, seen.size());
      for (int i = 0; i < seen.size(); i++) {
        Map<String, String> h = seen.get(i);
        HttpSignatures.checkDigest(h.get("digest"), bodies.get(i));
        HttpSignatures.verify(
            HttpSignatures.parse(h.get("signature")),
            "post",
            h.get(":path"),
            h::get,
            Pem.readPublic(key.publicPem()),
            HttpSignatures.SIGNED_POST);
        assertEquals(activity, new String(bodies.get(i), StandardCharsets.UTF_8));
      }

      // Still failing after the allowed attempts: dead, visible, and sendable again by the admin.
      clock.advance(Duration.ofMinutes(1));
      worker.drain();
      clock.advance(Duration.ofMinutes(2));
      worker.drain();
      assertEquals(DeliveryStatus.DEAD, queue.findById(flaky).orElseThrow().status());
      assertEquals(3, queue.findById(flaky).orElseThrow().attempts());
      assertTrue(
          queue.list(DeliveryStatus.DEAD, 100).stream().anyMatch(d -> d.id() == flaky),
          "listed for the admin");
      answers.remove("/flaky");
      assertTrue(queue.retry(flaky, clock.instant()));
      worker.drain();
      assertEquals(DeliveryStatus.DELIVERED, queue.findById(flaky).orElseThrow().status());
    } finally {
      inbox.stop(0);
    }
  }
}
