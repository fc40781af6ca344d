package blog.web.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentRepository;
import blog.core.comment.DiscussionSettings;
import blog.core.federation.AvatarRepository;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.testing.Fixtures;
import blog.core.webmention.Mention;
import blog.web.testing.LoopbackAddress;
import blog.web.testing.Mentions;
import blog.web.testing.RemoteAccount;
import blog.web.testing.WebTestBase;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Each kind of fetch the blog makes for other servers refuses private and link-local addresses,
 * named at once or reached by a redirect, over HTTP on H2 and PostgreSQL: remote accounts (the key
 * of an activity), objects an activity names by id, Webmention sources, and the avatars of
 * fediverse and Webmention authors. Loopback is allowed here (the test setting), so the servers of
 * the test are reachable and the refusals come from the addresses they point to: 10.0.0.9 (a
 * private network, which nothing in the test listens on) and 169.254.169.254 (the cloud metadata
 * address). Loopback itself refused is {@code RemoteFetchTest}'s and {@code MentionVerifierTest}'s.
 */
class FetchRefusalsTest extends WebTestBase {
  private static final String PRIVATE = "http://10.0.0.9";
  private static final String METADATA = "http://169.254.169.254/latest/meta-data/";

  private LoopbackAddress address;
  private HttpServer trap;
  private String trapBase;
  private final AtomicInteger trapHits = new AtomicInteger();
  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  protected Map<String, String> config() {
    address = LoopbackAddress.free();
    return address.withPeers("federation", "webmention");
  }

  @Override
  protected Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  protected void prepare() {
    new SettingsRepository(db.database().jdbi())
        .putAll(
            Map.of(
                DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0",
                DiscussionSettings.FLOOD_SECONDS, "0"));
    try {
      trap = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      trapBase = "http://127.0.0.1:" + trap.getAddress().getPort();
      // Everything on this server sends the blog on to the metadata address.
      trap.createContext("/", this::redirectToMetadata);
      trap.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void redirectToMetadata(HttpExchange x) throws IOException {
    trapHits.incrementAndGet();
    x.getResponseHeaders().add("Location", METADATA);
    x.sendResponseHeaders(302, -1);
    x.close();
  }

  @AfterAll
  void stopTrap() {
    if (trap != null) {
      trap.stop(0);
    }
  }

  @Test
  void anAccountOnAPrivateAddressOrRedirectedToOneIsNotFetched() throws Exception {
    KeyPair key = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    for (String actor : List.of(PRIVATE + "/users/eve", trapBase + "/users/eve")) {
      int hits = trapHits.get();
      HttpResponse<String> refused =
          RemoteAccount.post(
              address.base(), follow(actor), actor + "#main-key", key.getPrivate(), Instant.now());
      assertEquals(403, refused.statusCode(), actor + ": " + refused.body());
      assertTrue(refused.body().contains("private address"), refused.body());
      if (actor.startsWith(trapBase)) {
        assertEquals(hits + 1, trapHits.get(), "the redirect was asked, not followed");
      }
    }
    assertEquals(0, followers(), "nobody followed");
  }

  @Test
  void anObjectNamedByAnAddressThatIsPrivateOrRedirectsToOneIsNotFetched() {
    try (RemoteAccount gina = RemoteAccount.start("gina")) {
      for (String object : List.of(PRIVATE + "/notes/1", trapBase + "/notes/1")) {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("id", gina.id() + "/creates/" + Fixtures.unique("c"));
        create.put("type", "Create");
        create.put("actor", gina.id());
        create.put("object", object);
        HttpResponse<String> refused = gina.send(address.base(), create);
        assertEquals(403, refused.statusCode(), object + ": " + refused.body());
        assertTrue(refused.body().contains("private address"), refused.body());
      }
    }
  }

  @Test
  void aFediverseAuthorsAvatarOnAPrivateAddressOrRedirectedToOneIsNotFetched() {
    long post =
        fixtures.post(
            fixtures.author("Avatar author"),
            "Replied to",
            PostStatus.PUBLISHED,
            Instant.now().minusSeconds(5));
    AvatarRepository avatars = new AvatarRepository(db.database().jdbi());
    for (String icon : List.of(PRIVATE + "/hana.png", trapBase + "/hana.png")) {
      try (RemoteAccount hana = RemoteAccount.start("hana").iconAt(icon)) {
        int hits = trapHits.get();
        String text = Fixtures.unique("A reply with a hostile avatar");
        HttpResponse<String> sent = hana.send(address.base(), reply(hana, post, text));
        assertEquals(202, sent.statusCode(), icon + ": " + sent.body());
        long comment = fixtures.commentId(post, text);
        assertTrue(comment > 0, "the reply is taken");
        assertTrue(avatars.idFor(hana.id()).isEmpty(), "but no avatar from " + icon);
        if (icon.startsWith(trapBase)) {
          assertEquals(hits + 1, trapHits.get(), "the redirect was asked, not followed");
        }
      }
    }
  }

  @Test
  void aWebmentionSourceRedirectedToAPrivateAddressIsRefused() throws Exception {
    String target = address.base() + permalinkOf(newPost("Mentioned"));
    String source = trapBase + "/notes/" + Fixtures.unique("n");
    Instant sent = Instant.now();
    assertEquals(202, mention(source, target).statusCode());
    Mention mention = verified(source, target, sent);
    assertEquals(Mention.REFUSED, mention.status(), mention.reason());
    assertTrue(mention.reason().contains("private address"), mention.reason());
  }

  @Test
  void aWebmentionAuthorsPhotoOnAPrivateAddressOrRedirectedToOneIsNotFetched() throws Exception {
    long post = newPost("Replied to by mention");
    String target = address.base() + permalinkOf(post);
    AvatarRepository avatars = new AvatarRepository(db.database().jdbi());
    for (String photo : List.of(PRIVATE + "/ida.png", trapBase + "/ida.png")) {
      HttpServer site =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      String text = Fixtures.unique("A mention with a hostile photo");
      byte[] page =
          ("<!DOCTYPE html><html><head><title>Ida</title></head><body><article class=\"h-entry\">"
                  + "<div class=\"p-author h-card\"><img class=\"u-photo\" src=\""
                  + photo
                  + "\" alt=\"\"><span class=\"p-name\">Ida</span></div>"
                  + "<a class=\"u-in-reply-to\" href=\""
                  + target
                  + "\">that post</a>"
                  + "<div class=\"e-content\"><p>"
                  + text
                  + "</p></div></article></body></html>")
              .getBytes(StandardCharsets.UTF_8);
      site.createContext(
          "/",
          x -> {
            x.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            x.sendResponseHeaders(200, page.length);
            x.getResponseBody().write(page);
            x.close();
          });
      site.start();
      try {
        String source = "http://127.0.0.1:" + site.getAddress().getPort() + "/reply";
        Instant sent = Instant.now();
        assertEquals(202, mention(source, target).statusCode());
        Mention mention = verified(source, target, sent);
        assertEquals(Mention.ACCEPTED, mention.status(), mention.reason());
        assertTrue(
            mention
                .commentIdOptional()
                .flatMap(new CommentRepository(db.database().jdbi())::findById)
                .isPresent(),
            "the reply is taken");
        assertTrue(avatars.idFor("webmention:" + photo).isEmpty(), "but no photo from " + photo);
      } finally {
        site.stop(0);
      }
    }
  }

  private long newPost(String title) {
    return fixtures.post(
        fixtures.author("Refusals author"),
        Fixtures.unique(title),
        PostStatus.PUBLISHED,
        Instant.now().minusSeconds(5));
  }

  private Map<String, Object> reply(RemoteAccount account, long post, String text) {
    String note = account.base() + "/notes/" + Fixtures.unique("n");
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("id", note);
    object.put("type", "Note");
    object.put("attributedTo", account.id());
    object.put("inReplyTo", address.base() + "/federation/posts/" + post);
    object.put("content", "<p>" + text + "</p>");
    Map<String, Object> create = new LinkedHashMap<>();
    create.put("id", note + "/create");
    create.put("type", "Create");
    create.put("actor", account.id());
    create.put("object", object);
    return create;
  }

  private byte[] follow(String actor) {
    return ("{\"id\":\""
            + actor
            + "/follows/1\",\"type\":\"Follow\",\"actor\":\""
            + actor
            + "\",\"object\":\""
            + address.base()
            + "/federation/actor\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private HttpResponse<String> mention(String source, String target) {
    return Mentions.send(address.base(), source, target);
  }

  private Mention verified(String source, String target, Instant after) {
    return Mentions.awaitVerified(db.database().jdbi(), source, target, after.minusMillis(1));
  }

  private long followers() {
    return db.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM federation_followers").mapTo(Long.class).one());
  }
}
