package blog.core.webmention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentEditing;
import blog.core.comment.CommentNotifications;
import blog.core.comment.CommentRenderer;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentService;
import blog.core.db.Transactions;
import blog.core.federation.AvatarRepository;
import blog.core.federation.BlockRepository;
import blog.core.federation.DeliveryRepository;
import blog.core.federation.Refused;
import blog.core.identity.IdentityRepository;
import blog.core.post.Post;
import blog.core.post.PostPaths;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The door and the verification on H2 and PostgreSQL, with fetching as in production: a source on
 * loopback or a private network is refused without a request reaching it.
 */
class MentionVerifierTest extends DatabaseTestBase {
  private static final String BASE = "https://blog.example";
  private Webmentions webmentions;
  private Fixtures fixtures;
  private HttpServer source;
  private final AtomicInteger sourceHits = new AtomicInteger();

  @Override
  protected void prepare() {
    var jdbi = db.database().jdbi();
    var comments = new CommentRepository(jdbi);
    var settings = new SettingsRepository(jdbi);
    var service =
        new CommentService(
            new PostRepository(jdbi),
            comments,
            settings,
            new CommentRenderer(),
            CommentService.standardChecks(comments),
            new Transactions(jdbi),
            CommentNotifications.NONE);
    webmentions =
        Webmentions.create(
            new WebmentionSettings(true, false),
            BASE,
            new Webmentions.Stores(
                new MentionRepository(jdbi),
                new SentLinkRepository(jdbi),
                new DeliveryRepository(jdbi, Webmentions.CHECKS),
                new DeliveryRepository(jdbi, Webmentions.DELIVERIES),
                new AvatarRepository(jdbi),
                new BlockRepository(jdbi)),
            new Webmentions.Shared(
                new Transactions(jdbi),
                settings,
                new PostRepository(jdbi),
                comments,
                service,
                new CommentEditing(comments, settings, new CommentRenderer()),
                new IdentityRepository(jdbi),
                Clock.systemUTC()),
            () -> {});
    fixtures = new Fixtures(jdbi);
    try {
      source = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      source.createContext(
          "/note",
          x -> {
            sourceHits.incrementAndGet();
            byte[] body = "<a href=\"x\">x</a>".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
          });
      source.start();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  void stop() {
    if (source != null) {
      source.stop(0);
    }
  }

  private String target() {
    long id =
        fixtures.post(
            fixtures.author("Target author"),
            Fixtures.unique("Mentioned"),
            PostStatus.PUBLISHED,
            Instant.now().minusSeconds(60));
    Post post = new PostRepository(db.database().jdbi()).findById(id).orElseThrow();
    return BASE + PostPaths.permalink(post, ZoneOffset.UTC);
  }

  @Test
  void aSourceOnLoopbackOrAPrivateNetworkIsRefusedWithoutBeingFetched() {
    String target = target();
    String loopback = "http://127.0.0.1:" + source.getAddress().getPort() + "/note";
    webmentions.receiver().receive(loopback, target);
    webmentions.receiver().receive("http://10.0.0.7/note", target);
    webmentions.receiver().receive("http://[::1]:9/note", target);
    webmentions.checker().drain();
    for (String s : new String[] {loopback, "http://10.0.0.7/note", "http://[::1]:9/note"}) {
      Mention mention = webmentions.mentions().find(s, target).orElseThrow();
      assertEquals(Mention.REFUSED, mention.status(), s);
      assertTrue(mention.reason().contains("private address"), mention.reason());
    }
    assertEquals(0, sourceHits.get(), "nothing reached the server on loopback");
  }

  @Test
  void theDoorRefusesWhatIsNoMentionOfAPost() {
    String target = target();
    assertEquals(
        400,
        assertThrows(Refused.class, () -> webmentions.receiver().receive(target, target)).status());
    assertEquals(
        400,
        assertThrows(
                Refused.class, () -> webmentions.receiver().receive("ftp://a.example/x", target))
            .status());
    assertEquals(
        400,
        assertThrows(
                Refused.class,
                () ->
                    webmentions
                        .receiver()
                        .receive("https://a.example/x", BASE + "/2026/01/01/no-such-post/"))
            .status());
    assertEquals(
        400,
        assertThrows(
                Refused.class,
                () ->
                    webmentions
                        .receiver()
                        .receive("https://a.example/x", "https://elsewhere.example/2026/01/01/x/"))
            .status(),
        "another site's page");
    webmentions.blocks().blockDomain("spam.example", Instant.now());
    assertEquals(
        403,
        assertThrows(
                Refused.class,
                () -> webmentions.receiver().receive("https://www.spam.example/x", target))
            .status(),
        "a blocked server and its subdomains");
  }

  @Test
  void oneServerSendingTooManyIsSlowedDown() {
    String target = target();
    Refused refused =
        assertThrows(
            Refused.class,
            () -> {
              for (int i = 0; i <= MentionReceiver.LIMIT_PER_MINUTE; i++) {
                webmentions.receiver().receive("https://busy.example/n/" + i, target);
              }
            });
    assertEquals(429, refused.status());
  }

  @Test
  void eachMentionToSendIsClaimedByOneWorkerOnly() throws Exception {
    DeliveryRepository queue = new DeliveryRepository(db.database().jdbi(), Webmentions.DELIVERIES);
    Instant now = Instant.now();
    java.util.Set<Long> queued = new java.util.HashSet<>();
    for (int i = 0; i < 30; i++) {
      queued.add(queue.enqueue("https://t.example/" + i, BASE + "/source", now, now));
    }
    java.util.List<Long> claimed =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      java.util.List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
      for (int w = 0; w < 3; w++) {
        String worker = "worker-" + w;
        runs.add(
            pool.submit(
                () -> {
                  java.util.List<blog.core.federation.Delivery> batch;
                  while (!(batch =
                          queue.claimDue(Instant.now(), 4, worker, java.time.Duration.ofMinutes(5)))
                      .isEmpty()) {
                    batch.forEach(d -> claimed.add(d.id()));
                  }
                }));
      }
      for (var run : runs) {
        run.get();
      }
    } finally {
      pool.shutdown();
    }
    assertTrue(claimed.containsAll(queued), "every mention claimed");
    assertEquals(
        claimed.size(), new java.util.HashSet<>(claimed).size(), "and none by two workers");
  }
}
