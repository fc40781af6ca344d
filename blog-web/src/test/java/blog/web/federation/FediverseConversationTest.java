package blog.web.federation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.identity.Role;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.testing.Fixtures;
import blog.web.testing.Browser;
import blog.web.testing.LoopbackAddress;
import blog.web.testing.RemoteAccount;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.WebTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The conversation both ways over HTTP, on H2 and PostgreSQL, with an account on a small server on
 * 127.0.0.1 that follows the blog: its likes and boosts counted once, shown quietly and undone; its
 * reply marked as from the fediverse in the thread and in the moderation queue; comments written on
 * the blog sent to it as notes unless their writer unticks the box (kept on a refused form) or the
 * owner turns sharing off; and each shared comment fetchable as its note.
 */
class FediverseConversationTest extends WebTestBase {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

  private LoopbackAddress address;
  private RemoteAccount alice;
  private long author;
  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  protected Map<String, String> config() {
    address = LoopbackAddress.free();
    return address.withPeers("federation");
  }

  /** Signatures carry real dates, so this server runs on the real clock. */
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
    author = fixtures.author("Conversation author");
    alice = RemoteAccount.start("alice");
    // Posts published from now on go out: the first run of the job records when that began.
    await("federation's start is recorded", () -> setting("federation.posts.since") != null);
    HttpResponse<String> followed =
        alice.send(
            address.base(),
            Map.of(
                "@context",
                "https://www.w3.org/ns/activitystreams",
                "id",
                alice.id() + "/follows/1",
                "type",
                "Follow",
                "actor",
                alice.id(),
                "object",
                address.base() + "/federation/actor"));
    assertEquals(202, followed.statusCode(), followed.body());
  }

  @AfterAll
  void stopRemote() {
    if (alice != null) {
      alice.close();
    }
  }

  @Test
  void likesAndBoostsAreCountedOnceShownQuietlyAndUndone() throws Exception {
    String title = Fixtures.unique("Liked post");
    long post = fixtures.post(author, title, PostStatus.PUBLISHED, Instant.now().minusSeconds(5));
    String permalink = permalinkOf(post);
    String objectId = address.base() + "/federation/posts/" + post;
    assertFalse(server.page(permalink).contains("fediverse-reactions"), "nothing to say yet");

    Map<String, Object> like = activity("Like", alice.id() + "/likes/" + post, objectId);
    assertEquals(202, alice.send(address.base(), like).statusCode());
    assertEquals(202, alice.send(address.base(), like).statusCode(), "delivered twice");
    // A boost names the post by its permalink, as a pasted link does.
    Map<String, Object> boost =
        activity("Announce", alice.id() + "/boosts/" + post, address.base() + permalink);
    assertEquals(202, alice.send(address.base(), boost).statusCode());
    assertEquals(
        "1 like and 1 boost from the fediverse", reactions(server.page(permalink)), "counted once");

    StaffBrowsers staff = new StaffBrowsers(db.database().jdbi(), server);
    Browser admin = staff.loggedIn(staff.account(Role.ADMIN, "Reactions Admin"));
    Element row =
        Jsoup.parse(admin.page("/admin/fediverse")).select("#reactions ~ table tr").stream()
            .filter(tr -> tr.text().contains(title))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the post is listed with its counts"));
    assertEquals(title + " 1 1", row.text());

    Map<String, Object> undoLike = activity("Undo", alice.id() + "/likes/" + post + "/undo", null);
    undoLike.put("object", like);
    assertEquals(202, alice.send(address.base(), undoLike).statusCode());
    assertEquals("1 boost from the fediverse", reactions(server.page(permalink)));
    // Undone by the boost's id alone.
    assertEquals(
        202,
        alice
            .send(
                address.base(),
                activity(
                    "Undo", alice.id() + "/boosts/" + post + "/undo", (String) boost.get("id")))
            .statusCode());
    assertEquals("", reactions(server.page(permalink)));
    assertEquals(1, followers(), "undoing a boost is not unfollowing");
  }

  @Test
  void aFediverseReplyIsMarkedInTheQueueAndInTheThread() throws Exception {
    long post =
        fixtures.post(author, "Replied", PostStatus.PUBLISHED, Instant.now().minusSeconds(5));
    String text = Fixtures.unique("A reply from elsewhere");
    String note = alice.base() + "/notes/" + Fixtures.unique("n");
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("id", note);
    object.put("type", "Note");
    object.put("attributedTo", alice.id());
    object.put("inReplyTo", address.base() + "/federation/posts/" + post);
    object.put("content", "<p>" + text + "</p>");
    object.put("to", List.of(PUBLIC));
    Map<String, Object> create = activity("Create", note + "/create", null);
    create.put("object", object);
    HttpResponse<String> sent = alice.send(address.base(), create);
    assertEquals(202, sent.statusCode(), sent.body());
    long comment = fixtures.commentId(post, text);

    StaffBrowsers staff = new StaffBrowsers(db.database().jdbi(), server);
    Browser admin = staff.loggedIn(staff.account(Role.ADMIN, "Queue Admin"));
    Element row = Jsoup.parse(admin.page("/admin/comments")).getElementById("comment-" + comment);
    assertTrue(row != null, "the held reply is in the queue");
    String author = row.selectFirst(".queue-author").text();
    assertTrue(author.contains("fediverse"), "marked as from the fediverse: " + author);
    assertTrue(author.contains(alice.handle()), "with the remote handle: " + author);

    fixtures.approve(comment);
    Element shown =
        Jsoup.parse(server.page(permalinkOf(post))).getElementById("comment-" + comment);
    assertEquals("via the fediverse", shown.selectFirst(".comment-via").text());
    String avatar = shown.selectFirst("img.avatar").attr("src");
    assertTrue(
        avatar.startsWith(address.base() + "/federation/avatars/"),
        "its avatar is served by the blog");
    HttpResponse<byte[]> image =
        http.send(
            HttpRequest.newBuilder(URI.create(avatar)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, image.statusCode());
    assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
    assertArrayEquals(RemoteAccount.avatar(), image.body(), "the very image, as fetched once");
  }

  @Test
  void aCommentGoesOutAsANoteUnlessItsWriterUntickedTheBoxWhichARefusedFormKeeps()
      throws Exception {
    long post = federatedPost();
    String permalink = permalinkOf(post);
    Browser guest = new Browser(server);
    String page = guest.page(permalink);
    assertTrue(isTicked(page), "offered, ticked");

    Map<String, String> form = Browser.replyForm(page);
    form.remove("share_fediverse");
    form.putAll(Map.of("author", "", "email", "kept@example.org", "comment", "Kept here words."));
    HttpResponse<String> refused = guest.post("/comments/", form);
    assertEquals(422, refused.statusCode());
    assertTrue(refused.body().contains("Kept here words."), "the text is kept");
    assertTrue(refused.body().contains("id=\"share_fediverse\""), "and the box");
    assertFalse(isTicked(refused.body()), "unticked, as it was");
    Map<String, String> again = Browser.replyForm(refused.body());
    again.put("author", "Kept Kim");
    assertEquals(303, guest.post("/comments/", again).statusCode());
    long kept = fixtures.commentId(post, "Kept here words.");

    Map<String, String> shared = Browser.replyForm(guest.page(permalink));
    assertTrue(shared.containsKey("share_fediverse"));
    shared.putAll(
        Map.of("author", "Sam <Shared>", "email", "sam@example.org", "comment", "Shared words."));
    assertEquals(303, guest.post("/comments/", shared).statusCode());
    long sharedId = fixtures.commentId(post, "Shared words.");

    fixtures.approve(kept);
    fixtures.approve(sharedId);
    String noteId = address.base() + "/federation/comments/" + sharedId;
    await("alice got the comment", () -> noteDelivered(noteId) != null);
    JsonNode note = noteDelivered(noteId).path("object");
    assertEquals("Note", note.path("type").asString());
    assertEquals(address.base() + "/federation/posts/" + post, note.path("inReplyTo").asString());
    assertEquals(address.base() + "/federation/actor", note.path("attributedTo").asString());
    assertTrue(
        note.path("content").asString().startsWith("<p><strong>Sam &lt;Shared&gt;</strong> wrote:"),
        note.path("content").asString());
    assertFalse(note.toString().contains("sam@example.org"), "never the email");

    HttpResponse<String> fetched = getActivity("/federation/comments/" + sharedId);
    assertEquals(200, fetched.statusCode());
    assertEquals(noteId, JSON.readTree(fetched.body()).path("id").asString());
    assertEquals(404, getActivity("/federation/comments/" + kept).statusCode());
    assertTrue(
        alice.delivered().stream()
            .noneMatch(a -> a.toString().contains("/federation/comments/" + kept + "\"")),
        "the unticked comment stays here");
  }

  @Test
  void theOwnerTurnsSharingOffAndOnWithACsrfCheckedForm() throws Exception {
    StaffBrowsers staff = new StaffBrowsers(db.database().jdbi(), server);
    Browser admin = staff.loggedIn(staff.account(Role.ADMIN, "Sharing Admin"));
    String screen = admin.page("/admin/fediverse");
    assertTrue(
        Jsoup.parse(screen).getElementById("share-comments").hasAttr("checked"), "on at first");
    String csrf = StaffBrowsers.hidden(screen, "_csrf");
    assertEquals(403, admin.post("/admin/fediverse/sharing", Map.of()).statusCode());
    assertEquals(303, admin.post("/admin/fediverse/sharing", Map.of("_csrf", csrf)).statusCode());
    try {
      assertFalse(
          Jsoup.parse(admin.page("/admin/fediverse"))
              .getElementById("share-comments")
              .hasAttr("checked"));
      long post = federatedPost();
      assertFalse(
          new Browser(server).page(permalinkOf(post)).contains("share_fediverse"),
          "no box while sharing is off");
      long comment = fixtures.comment(post, null, "Off Olly", "While off", Instant.now());
      await("the comment is kept back", () -> keptBack(comment));
      assertTrue(
          alice.delivered().stream()
              .noneMatch(a -> a.toString().contains("/federation/comments/" + comment + "\"")));
    } finally {
      assertEquals(
          303,
          admin
              .post("/admin/fediverse/sharing", Map.of("_csrf", csrf, "share", "yes"))
              .statusCode());
    }
    long post = federatedPost();
    assertTrue(isTicked(new Browser(server).page(permalinkOf(post))), "offered again");
  }

  /** A post published now, once it went out to the followers. */
  private long federatedPost() throws Exception {
    long post =
        fixtures.post(
            author,
            Fixtures.unique("Shared post"),
            PostStatus.PUBLISHED,
            Instant.now().truncatedTo(ChronoUnit.MICROS));
    await("the post went out", () -> count("federation_posts", "post_id", post) == 1);
    return post;
  }

  private static boolean isTicked(String page) {
    Element box = Jsoup.parse(page).getElementById("share_fediverse");
    return box != null && box.hasAttr("checked");
  }

  private static String reactions(String page) {
    Element p = Jsoup.parse(page).selectFirst(".entry-footer .fediverse-reactions");
    return p == null ? "" : p.text();
  }

  private Map<String, Object> activity(String type, String id, String object) {
    Map<String, Object> activity = new LinkedHashMap<>();
    activity.put("@context", "https://www.w3.org/ns/activitystreams");
    activity.put("id", id);
    activity.put("type", type);
    activity.put("actor", alice.id());
    if (object != null) {
      activity.put("object", object);
    }
    return activity;
  }

  private JsonNode noteDelivered(String noteId) {
    return alice.delivered().stream()
        .filter(a -> "Create".equals(a.path("type").asString()))
        .filter(a -> noteId.equals(a.path("object").path("id").asString()))
        .findFirst()
        .orElse(null);
  }

  private HttpResponse<String> getActivity(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(address.base() + path))
            .header("Accept", RemoteAccount.AS)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private boolean keptBack(long comment) {
    return count("federation_comment_optouts", "comment_id", comment) == 1;
  }

  private long followers() {
    return count("federation_followers", "actor_id", alice.id());
  }

  private long count(String table, String column, Object value) {
    return db.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = :v")
                    .bind("v", value)
                    .mapTo(Long.class)
                    .one());
  }

  private String setting(String name) {
    return new SettingsRepository(db.database().jdbi()).all().get(name);
  }

  private static void await(String what, Callable<Boolean> condition) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!condition.call()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting until " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }

  private static void await(String what, java.util.function.BooleanSupplier condition) {
    try {
      await(what, (Callable<Boolean>) condition::getAsBoolean);
    } catch (Exception e) {
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }
}
