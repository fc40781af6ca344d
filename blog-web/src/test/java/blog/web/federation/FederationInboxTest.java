package blog.web.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.federation.BlockRepository;
import blog.core.federation.DeliveryRepository;
import blog.core.federation.FollowerRepository;
import blog.core.federation.HttpSignatures;
import blog.core.federation.RemoteActor;
import blog.core.identity.Role;
import blog.core.post.PostStatus;
import blog.core.testing.Fixtures;
import blog.core.testing.MessageSigner;
import blog.web.testing.Browser;
import blog.web.testing.LoopbackAddress;
import blog.web.testing.RemoteAccount;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.WebTestBase;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Discovery, content negotiation and the inbox's door over HTTP, on H2 and PostgreSQL, with two
 * accounts served from 127.0.0.1: alice, and mallory, who tries to speak for her.
 */
class FederationInboxTest extends WebTestBase {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String AS = "application/activity+json";

  private LoopbackAddress address;
  private HttpServer remote;
  private String remoteBase;
  private KeyPair alice;
  private KeyPair mallory;
  private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  protected Map<String, String> config() {
    address = LoopbackAddress.free();
    return address.withPeers("federation");
  }

  @Override
  protected Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  protected void prepare() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      alice = generator.generateKeyPair();
      mallory = generator.generateKeyPair();
      remote = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      remoteBase = "http://127.0.0.1:" + remote.getAddress().getPort();
      remote.createContext("/users/alice", x -> answer(x, actor("alice", alice)));
      remote.createContext("/users/mallory", x -> answer(x, actor("mallory", mallory)));
      remote.createContext(
          "/inbox",
          x -> {
            delivered.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            x.sendResponseHeaders(202, -1);
            x.close();
          });
      remote.start();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  void stopRemote() {
    if (remote != null) {
      remote.stop(0);
    }
  }

  private String actor(String name, KeyPair key) {
    String id = remoteBase + "/users/" + name;
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(key.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    return JSON.writeValueAsString(
        Map.of(
            "@context",
            List.of("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"),
            "id",
            id,
            "type",
            "Person",
            "preferredUsername",
            name,
            "inbox",
            remoteBase + "/inbox",
            "publicKey",
            Map.of("id", id + "#main-key", "owner", id, "publicKeyPem", pem)));
  }

  private static void answer(com.sun.net.httpserver.HttpExchange x, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", AS);
    x.sendResponseHeaders(200, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(address.base() + path)).header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * POSTs {@code body} to the inbox signed with {@code key} under {@code keyId}, dated {@code at}.
   */
  private HttpResponse<String> post(byte[] body, String keyId, PrivateKey key, Instant at)
      throws Exception {
    if (keyId != null) {
      return RemoteAccount.post(address.base(), body, keyId, key, at);
    }
    return http.send(
        HttpRequest.newBuilder(URI.create(address.base() + "/federation/inbox"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", AS)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * POSTs {@code sent} to the inbox with an RFC 9421 signature made over {@code signed} (the same
   * bytes, unless a test changes the body after signing) with {@code key} under {@code keyId}.
   */
  private HttpResponse<String> post9421(
      byte[] signed, byte[] sent, String keyId, PrivateKey key, Instant created) throws Exception {
    URI inbox = URI.create(address.base() + "/federation/inbox");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(inbox)
            .POST(HttpRequest.BodyPublishers.ofByteArray(sent))
            .header("Content-Type", AS);
    MessageSigner.sign(inbox, signed, keyId, key, "SHA256withRSA", "rsa-v1_5-sha256", created)
        .forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private byte[] follow(String actorName) {
    String actor = remoteBase + "/users/" + actorName;
    return JSON.writeValueAsString(
            Map.of(
                "@context",
                "https://www.w3.org/ns/activitystreams",
                "id",
                actor + "/follows/" + Fixtures.unique("f"),
                "type",
                "Follow",
                "actor",
                actor,
                "object",
                address.base() + "/federation/actor"))
        .getBytes(StandardCharsets.UTF_8);
  }

  private String aliceKey() {
    return remoteBase + "/users/alice#main-key";
  }

  @Test
  void webfingerNamesTheBlogsAccount() throws Exception {
    String acct = "acct:blog@127.0.0.1:" + address.port();
    HttpResponse<String> found = get("/.well-known/webfinger?resource=" + acct, "*/*");
    assertEquals(200, found.statusCode());
    assertTrue(
        found.headers().firstValue("Content-Type").orElse("").startsWith("application/jrd+json"));
    JsonNode jrd = JSON.readTree(found.body());
    assertEquals(acct, jrd.path("subject").asString());
    assertEquals(
        address.base() + "/federation/actor", jrd.path("links").get(0).path("href").asString());
    assertEquals(
        404,
        get("/.well-known/webfinger?resource=acct:someone@127.0.0.1:" + address.port(), "*/*")
            .statusCode());
    assertEquals(400, get("/.well-known/webfinger", "*/*").statusCode());
  }

  @Test
  void theActorAndNodeInfoDescribeTheBlog() throws Exception {
    HttpResponse<String> actor = get("/federation/actor", AS);
    assertTrue(actor.headers().firstValue("Content-Type").orElse("").startsWith(AS));
    JsonNode doc = JSON.readTree(actor.body());
    assertEquals("Person", doc.path("type").asString());
    assertEquals(address.base() + "/federation/inbox", doc.path("inbox").asString());
    assertEquals(address.base() + "/federation/followers", doc.path("followers").asString());
    assertEquals(address.base() + "/federation/outbox", doc.path("outbox").asString());
    assertEquals(doc.path("id").asString(), doc.path("publicKey").path("owner").asString());
    assertTrue(
        doc.path("publicKey")
            .path("publicKeyPem")
            .asString()
            .startsWith("-----BEGIN PUBLIC KEY-----"));
    assertFalse(actor.body().contains("PRIVATE"), "the private key never leaves the database");
    assertFalse(doc.path("name").asString().isEmpty());
    assertFalse(doc.path("icon").path("url").asString().isEmpty());

    JsonNode links = JSON.readTree(get("/.well-known/nodeinfo", "*/*").body());
    String href = links.path("links").get(0).path("href").asString();
    assertEquals(address.base() + "/nodeinfo/2.1", href);
    JsonNode info = JSON.readTree(get("/nodeinfo/2.1", "*/*").body());
    assertEquals("2.1", info.path("version").asString());
    assertEquals("activitypub", info.path("protocols").get(0).asString());
  }

  @Test
  void theHomePageAndPermalinksAnswerActivityStreamsWhenAskedAndPagesOtherwiseVaryingOnAccept()
      throws Exception {
    // A reader first, so the page is kept in the cache; the fediverse must not get it.
    assertTrue(get("/", "text/html").body().contains("<html"));
    HttpResponse<String> actor =
        get("/", "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"");
    assertEquals(
        address.base() + "/federation/actor", JSON.readTree(actor.body()).path("id").asString());
    assertTrue(get("/", "text/html").body().contains("<html"), "and readers still get the page");
    for (int i = 0; i < 2; i++) { // rendered, then a hit of the page cache (gzip, FastHits)
      HttpResponse<byte[]> page =
          http.send(
              HttpRequest.newBuilder(URI.create(address.base() + "/"))
                  .header("Accept", "text/html")
                  .header("Accept-Encoding", "gzip")
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      String vary = String.join(", ", page.headers().allValues("Vary"));
      assertTrue(vary.contains("Accept,") || vary.endsWith("Accept"), "Vary: " + vary);
    }
    assertTrue(
        actor.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")),
        "the actor's answer varies on Accept too");

    String title = Fixtures.unique("Negotiated post");
    long id =
        fixtures.post(
            fixtures.author("Negotiator"),
            title,
            PostStatus.PUBLISHED,
            Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MICROS));
    String permalink = permalinkOf(id);
    HttpResponse<String> postPage = get(permalink, "text/html");
    assertTrue(postPage.body().contains(title));
    assertTrue(
        postPage.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")),
        "a permalink's page varies on Accept");
    JsonNode article = JSON.readTree(get(permalink, AS).body());
    assertEquals("Article", article.path("type").asString());
    assertEquals(title, article.path("name").asString());
    assertEquals(address.base() + "/federation/posts/" + id, article.path("id").asString());
    assertEquals(address.base() + permalink, article.path("url").asString());
    assertEquals(article, JSON.readTree(get("/federation/posts/" + id, AS).body()));
  }

  @Test
  void unsignedForgedWronglyOwnedReplayedAndOversizedActivitiesAreRefused() throws Exception {
    Instant now = Instant.now();
    long before = followers("alice") + followers("mallory");
    assertEquals(401, post(follow("alice"), null, null, now).statusCode(), "unsigned");
    assertEquals(
        401, post(follow("alice"), aliceKey(), mallory.getPrivate(), now).statusCode(), "forged");
    HttpResponse<String> owner =
        post(follow("alice"), remoteBase + "/users/mallory#main-key", mallory.getPrivate(), now);
    assertEquals(401, owner.statusCode(), "mallory's key speaking for alice");
    assertTrue(owner.body().contains("not the actor"), owner.body());
    HttpResponse<String> replay =
        post(follow("alice"), aliceKey(), alice.getPrivate(), now.minus(Duration.ofHours(2)));
    assertEquals(401, replay.statusCode(), "an old date");
    byte[] big = new byte[200 * 1024];
    java.util.Arrays.fill(big, (byte) ' ');
    assertEquals(413, post(big, aliceKey(), alice.getPrivate(), now).statusCode(), "oversized");
    assertEquals(before, followers("alice") + followers("mallory"), "nobody followed");
  }

  @Test
  void anRfc9421SignedFollowIsAcceptedAndForgedWronglyOwnedOldOrAlteredOnesAreRefused()
      throws Exception {
    new FollowerRepository(db.database().jdbi()).remove(remoteBase + "/users/alice");
    Instant now = Instant.now();
    String malloryKey = remoteBase + "/users/mallory#main-key";
    byte[] follow = follow("alice");
    assertEquals(
        401,
        post9421(follow, follow, aliceKey(), mallory.getPrivate(), now).statusCode(),
        "forged");
    HttpResponse<String> owner = post9421(follow, follow, malloryKey, mallory.getPrivate(), now);
    assertEquals(401, owner.statusCode(), "mallory's key speaking for alice");
    assertTrue(owner.body().contains("not the actor"), owner.body());
    HttpResponse<String> old =
        post9421(follow, follow, aliceKey(), alice.getPrivate(), now.minus(Duration.ofHours(2)));
    assertEquals(401, old.statusCode(), "created two hours ago");
    assertTrue(old.body().contains("too far from now"), old.body());
    byte[] altered = follow("mallory");
    HttpResponse<String> digest = post9421(follow, altered, aliceKey(), alice.getPrivate(), now);
    assertEquals(401, digest.statusCode(), "a body other than the signed one");
    assertTrue(digest.body().contains("Content-Digest"), digest.body());
    assertEquals(0, followers("alice"), "nobody followed yet");

    HttpResponse<String> signed = post9421(follow, follow, aliceKey(), alice.getPrivate(), now);
    assertEquals(202, signed.statusCode(), signed.body());
    assertEquals(1, followers("alice"), "followed with an RFC 9421 signature");
    new FollowerRepository(db.database().jdbi()).remove(remoteBase + "/users/alice");
  }

  @Test
  void aKnownKeyIsNotFetchedAgainAndARotatedKeyIsFetchedOnceItFails() throws Exception {
    try (RemoteAccount carol = RemoteAccount.start("carol")) {
      assertEquals(202, carol.send(address.base(), likeOfNothing(carol, 1)).statusCode());
      int fetched = carol.actorFetches();
      assertTrue(fetched >= 1, "the key was fetched");
      assertEquals(202, carol.send(address.base(), likeOfNothing(carol, 2)).statusCode());
      assertEquals(fetched, carol.actorFetches(), "a known key is not fetched again");

      KeyPair old = carol.rotateKey();
      assertEquals(
          202,
          carol.send(address.base(), likeOfNothing(carol, 3)).statusCode(),
          "the new key is taken");
      assertEquals(fetched + 1, carol.actorFetches(), "fetched again once the kept key failed");
      assertEquals(
          401,
          carol.send(address.base(), likeOfNothing(carol, 4), old).statusCode(),
          "the old one not");
    }
  }

  @Test
  void theAdminRotatesTheBlogsKeyAndTheFollowersAreSentTheNewOneSignedWithIt() throws Exception {
    try (RemoteAccount dora = RemoteAccount.start("dora")) {
      HttpResponse<String> followed =
          dora.send(
              address.base(),
              Map.of(
                  "id",
                  dora.id() + "/follows/1",
                  "type",
                  "Follow",
                  "actor",
                  dora.id(),
                  "object",
                  address.base() + "/federation/actor"));
      assertEquals(202, followed.statusCode(), followed.body());
      awaitDelivered(dora, "Accept");
      String oldPem = publicPem();

      StaffBrowsers staff = new StaffBrowsers(db.database().jdbi(), server);
      Browser admin = staff.loggedIn(staff.account(Role.ADMIN, "Key Admin"));
      String page = admin.page("/admin/fediverse");
      assertTrue(page.contains("Make a new key"), "the button");
      assertEquals(
          403, admin.post("/admin/fediverse/key/rotate", Map.of()).statusCode(), "no CSRF token");
      assertEquals(oldPem, publicPem(), "and no new key");
      HttpResponse<String> rotated =
          admin.post(
              "/admin/fediverse/key/rotate", Map.of("_csrf", StaffBrowsers.hidden(page, "_csrf")));
      assertEquals(303, rotated.statusCode());

      String newPem = publicPem();
      assertFalse(newPem.equals(oldPem), "the actor publishes a new key");
      assertFalse(get("/federation/actor", AS).body().contains("PRIVATE"));
      RemoteAccount.Received update = awaitDelivered(dora, "Update");
      JsonNode activity = JSON.readTree(update.body());
      assertEquals(
          address.base() + "/federation/actor", activity.path("object").path("id").asString());
      assertEquals(
          newPem, activity.path("object").path("publicKey").path("publicKeyPem").asString());
      // Signed with the new key, which the old one does not verify.
      HttpSignatures.Parsed signature = HttpSignatures.parse(update.headers().get("signature"));
      HttpSignatures.checkDigest(update.headers().get("digest"), update.body());
      HttpSignatures.verify(
          signature,
          "post",
          update.path(),
          update.headers()::get,
          publicKey(newPem),
          HttpSignatures.SIGNED_POST);
      assertEquals(
          401,
          org.junit.jupiter.api.Assertions.assertThrows(
                  blog.core.federation.Refused.class,
                  () ->
                      HttpSignatures.verify(
                          signature,
                          "post",
                          update.path(),
                          update.headers()::get,
                          publicKey(oldPem),
                          HttpSignatures.SIGNED_POST))
              .status());
      new FollowerRepository(db.database().jdbi()).remove(dora.id());
    }
  }

  private String publicPem() throws Exception {
    return JSON.readTree(get("/federation/actor", AS).body())
        .path("publicKey")
        .path("publicKeyPem")
        .asString();
  }

  private static java.security.PublicKey publicKey(String pem) throws Exception {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return java.security.KeyFactory.getInstance("RSA")
        .generatePublic(
            new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  /** The first request to the account's inbox carrying an activity of {@code type}. */
  private static RemoteAccount.Received awaitDelivered(RemoteAccount account, String type) {
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      for (RemoteAccount.Received r : account.requests()) {
        if (JSON.readTree(r.body()).path("type").asString().equals(type)) {
          return r;
        }
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    throw new AssertionError("no " + type + " delivered to " + account.id());
  }

  /** A like of a post that does not exist: let in, and then left alone. */
  private Map<String, Object> likeOfNothing(RemoteAccount account, int n) {
    return Map.of(
        "id",
        account.id() + "/likes/" + n,
        "type",
        "Like",
        "actor",
        account.id(),
        "object",
        address.base() + "/federation/posts/999999999");
  }

  @Test
  void aSignedFollowIsAcceptedAndABlockedServerIsRefused() throws Exception {
    HttpResponse<String> followed =
        post(follow("alice"), aliceKey(), alice.getPrivate(), Instant.now());
    assertEquals(202, followed.statusCode(), followed.body());
    assertEquals(1, followers("alice"));
    Instant deadline = Instant.now().plusSeconds(20);
    while (delivered.stream().noneMatch(a -> a.contains("\"Accept\""))
        && Instant.now().isBefore(deadline)) {
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    assertTrue(delivered.stream().anyMatch(a -> a.contains("\"Accept\"")), "an Accept went back");

    BlockRepository blocks = new BlockRepository(db.database().jdbi());
    blocks.blockDomain("127.0.0.1", Instant.now());
    try {
      assertEquals(
          403,
          post(
                  follow("mallory"),
                  remoteBase + "/users/mallory#main-key",
                  mallory.getPrivate(),
                  Instant.now())
              .statusCode());
      assertEquals(0, followers("mallory"));
    } finally {
      blocks.all().forEach(b -> blocks.unblock(b.id()));
    }
  }

  @Test
  void theAdminSeesFollowersAndDeadDeliveriesAndBlocksAWholeServer() throws Exception {
    var jdbi = db.database().jdbi();
    String carol = "http://carol.invalid/users/carol";
    new FollowerRepository(jdbi)
        .save(
            new RemoteActor(
                carol,
                "http://carol.invalid/inbox",
                null,
                "carol",
                "Carol",
                carol,
                null,
                carol + "#k",
                "x"),
            Instant.now());
    DeliveryRepository deliveries = new DeliveryRepository(jdbi);
    long dead =
        deliveries.enqueue(
            "http://carol.invalid/inbox",
            "{\"type\":\"Create\"}",
            Instant.now().plusSeconds(3600),
            Instant.now());
    giveUp(dead, "carol.invalid answered 410");

    StaffBrowsers staff = new StaffBrowsers(jdbi, server);
    Browser admin = staff.loggedIn(staff.account(Role.ADMIN, "Fediverse Admin"));
    String page = admin.page("/admin/fediverse");
    assertTrue(page.contains("@blog@127.0.0.1:" + address.port()), "the handle");
    assertTrue(page.contains("@carol@carol.invalid"), "the follower");
    assertTrue(page.contains("carol.invalid answered 410"), "the dead delivery and why");

    String followerId = hiddenAfter(page, "/admin/fediverse/followers/block-domain");
    assertEquals(
        403,
        admin
            .post("/admin/fediverse/followers/block-domain", Map.of("id", followerId))
            .statusCode(),
        "no CSRF token, no block");
    HttpResponse<String> blocked =
        admin.post(
            "/admin/fediverse/followers/block-domain",
            Map.of("id", followerId, "_csrf", StaffBrowsers.hidden(page, "_csrf")));
    assertEquals(303, blocked.statusCode());
    assertTrue(new FollowerRepository(jdbi).findByActor(carol).isEmpty(), "removed");
    assertTrue(new BlockRepository(jdbi).isBlocked(null, "carol.invalid"), "its server blocked");

    HttpResponse<String> retried =
        admin.post(
            "/admin/fediverse/deliveries/retry",
            Map.of("id", Long.toString(dead), "_csrf", StaffBrowsers.hidden(page, "_csrf")));
    assertEquals(303, retried.statusCode());
    // Back in the queue with its attempts counted from zero; the worker may have claimed it (or
    // tried it once more) already, so its status alone would race.
    var again = deliveries.findById(dead).orElseThrow();
    assertTrue(
        again.attempts() <= 1,
        "sent again: " + again.status() + " after " + again.attempts() + " attempts");
    BlockRepository blocks = new BlockRepository(jdbi);
    blocks.all().forEach(b -> blocks.unblock(b.id()));

    // Another given up on: dismissed, it leaves the list and the queue.
    long gone =
        deliveries.enqueue(
            "http://carol.invalid/inbox",
            "{\"type\":\"Delete\"}",
            Instant.now().plusSeconds(3600),
            Instant.now());
    giveUp(gone, "carol.invalid is gone for good");
    String listed = admin.page("/admin/fediverse");
    assertTrue(listed.contains("carol.invalid is gone for good"), "listed until dismissed");
    HttpResponse<String> dismissed =
        admin.post(
            "/admin/fediverse/deliveries/dismiss",
            Map.of("id", Long.toString(gone), "_csrf", StaffBrowsers.hidden(listed, "_csrf")));
    assertEquals(303, dismissed.statusCode());
    assertTrue(deliveries.findById(gone).isEmpty(), "dismissed");
    assertFalse(admin.page("/admin/fediverse").contains("carol.invalid is gone for good"));
  }

  /** Marks a delivery given up on, as the worker leaves one after its last attempt. */
  private void giveUp(long delivery, String error) {
    db.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE federation_deliveries SET status = 'dead', attempts = 15,"
                            + " last_error = :error WHERE id = :id")
                    .bind("id", delivery)
                    .bind("error", error)
                    .execute());
  }

  /** The {@code id} field of the form posting to {@code action}. */
  private static String hiddenAfter(String page, String action) {
    String rest = page.substring(page.indexOf("action=\"" + action + "\""));
    return StaffBrowsers.hidden(rest, "id");
  }

  private long followers(String name) {
    return db.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM federation_followers WHERE actor_id = :a")
                    .bind("a", remoteBase + "/users/" + name)
                    .mapTo(Long.class)
                    .one());
  }
}
