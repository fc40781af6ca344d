package blog.web.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.PostStatus;
import blog.core.testing.Fixtures;
import blog.core.testing.Slow;
import blog.web.testing.LoopbackAddress;
import blog.web.testing.WebTestBase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The blog against a real, independent ActivityPub server: a Fedify peer on 127.0.0.1. The peer
 * finds the blog by WebFinger, follows it (and gets a signed Accept), receives a new post's Create
 * (Fedify verifies the blog's signature before its inbox listener sees it), replies (held, then
 * approved and shown with the peer's name and an avatar the blog serves), receives a comment
 * written on the blog as a reply to its note (then its edit and its deletion), likes and boosts the
 * post (counted on its page) and takes the like back, edits and deletes the reply, and unfollows.
 */
@Slow
class FedifyPeerTest extends WebTestBase {
  private LoopbackAddress address;
  private FedifyPeer peer;
  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  protected Map<String, String> config() {
    address = LoopbackAddress.free();
    return address.withPeers(Map.of("federation.name", "journal"), "federation");
  }

  /** Signatures carry real dates, so this server runs on the real clock. */
  @Override
  protected Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  protected void prepare() {
    // Called once per database: the peer of the run before goes first (it outlived the tests).
    stopPeer();
    try {
      peer = FedifyPeer.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  void stopPeer() {
    if (peer != null) {
      peer.close();
      peer = null;
    }
  }

  @Test
  void aFediversePeerFollowsReceivesPostsAndRepliesAsComments() throws Exception {
    String actor = address.base() + "/federation/actor";

    // Discovery: WebFinger, then the actor document, read by Fedify.
    JsonNode found =
        peer.control("/control/webfinger", Map.of("acct", "journal@127.0.0.1:" + address.port()));
    assertEquals("acct:journal@127.0.0.1:" + address.port(), found.path("subject").asString());
    assertEquals(actor, found.path("id").asString());
    assertEquals("Person", found.path("type").asString());
    assertEquals("journal", found.path("preferredUsername").asString());
    assertEquals(actor, found.path("keyOwner").asString(), "the key is the actor's own");
    assertEquals(address.base() + "/federation/inbox", found.path("inbox").asString());

    // Follow: stored, and a signed Accept back.
    peer.control("/control/follow", Map.of("target", actor));
    await("the follower is stored", () -> followers() == 1);
    await("the peer got an Accept", () -> receivedOf("Accept").isPresent());
    assertEquals(actor, receivedOf("Accept").get().path("actor").asString());
    // Signed with an HTTP Message Signature (RFC 9421), which the blog took at the first knock.
    JsonNode followSent = peer.sent().get(0);
    assertEquals(address.base() + "/federation/inbox", followSent.path("url").asString());
    assertTrue(followSent.path("rfc9421").asBoolean(), "the follow carried Signature-Input");
    assertEquals(202, followSent.path("status").asInt(), "and the blog took it");

    // A new post goes out as a Create of an Article.
    long author = fixtures.author("Fediverse author");
    String title = Fixtures.unique("Federated post");
    long postId =
        fixtures.post(
            author, title, PostStatus.PUBLISHED, Instant.now().truncatedTo(ChronoUnit.MICROS));
    await("the peer got the post", () -> receivedOf("Create").isPresent());
    JsonNode create = receivedOf("Create").get();
    assertEquals("Article", create.path("objectType").asString());
    assertEquals(title, create.path("name").asString());
    assertEquals(actor, create.path("actor").asString());
    String objectId = address.base() + "/federation/posts/" + postId;
    assertEquals(objectId, create.path("id").asString());
    String permalink = permalinkOf(postId);
    assertEquals(address.base() + permalink, create.path("url").asString());

    // A reply: the comment pipeline holds a first comment.
    String text = Fixtures.unique("Lovely post, from the fediverse");
    String note =
        peer.control(
                "/control/reply",
                Map.of("target", actor, "inReplyTo", objectId, "content", "<p>" + text + "</p>"))
            .path("note")
            .asString();
    long commentId = commentFor(note);
    assertEquals("pending", status(commentId));
    assertEquals(
        "first comment from this commenter",
        db.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT held_reason FROM comments WHERE id = :id")
                        .bind("id", commentId)
                        .mapTo(String.class)
                        .one()));
    assertFalse(server.page(permalink).contains(text), "a held reply is not shown to readers");

    fixtures.approve(commentId);
    String page = server.page(permalink);
    assertTrue(page.contains(text), "the approved reply is shown");
    assertTrue(page.contains("Alice Peer"), "with its author's name");
    assertTrue(page.contains(peer.url() + "/@alice"), "and profile link");
    int avatarAt = page.indexOf(address.base() + "/federation/avatars/");
    assertTrue(avatarAt > 0, "with an avatar served by the blog: " + page);
    String avatar = page.substring(avatarAt, page.indexOf('"', avatarAt));
    HttpResponse<byte[]> image =
        http.send(
            HttpRequest.newBuilder(URI.create(avatar)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, image.statusCode());
    assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));

    // A reply to that reply is threaded under it.
    String answer = Fixtures.unique("Replying to myself");
    String second =
        peer.control(
                "/control/reply",
                Map.of("target", actor, "inReplyTo", note, "content", "<p>" + answer + "</p>"))
            .path("note")
            .asString();
    long secondId = commentFor(second);
    assertEquals(
        Long.valueOf(commentId),
        db.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT parent_id FROM comments WHERE id = :id")
                        .bind("id", secondId)
                        .mapTo(Long.class)
                        .one()));
    assertEquals("approved", status(secondId), "the account has an approved comment now");

    // A comment written on the blog, answering the reply, reaches the peer as a reply to its note
    // (signed by the blog: Fedify checked it before the listener saw it).
    long local =
        fixtures.comment(postId, commentId, "Blog Reader", "Thanks, Alice!", Instant.now());
    String localNote = address.base() + "/federation/comments/" + local;
    await("the peer got the blog's comment", () -> createOf(localNote).isPresent());
    JsonNode sent = createOf(localNote).get();
    assertEquals("Note", sent.path("objectType").asString());
    assertEquals(note, sent.path("inReplyTo").asString(), "in reply to the peer's own note");
    assertEquals(actor, sent.path("actor").asString());
    assertEquals(actor, sent.path("attributedTo").asString());
    assertTrue(sent.path("content").asString().contains("<strong>Blog Reader</strong> wrote:"));
    assertTrue(sent.path("content").asString().contains("Thanks, Alice!"));
    // Edited by a moderator, it is updated there; trashed, it is deleted there.
    db.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE comments SET body_source = 'Thanks a lot, Alice!',"
                            + " body_html = '<p>Thanks a lot, Alice!</p>' WHERE id = :id")
                    .bind("id", local)
                    .execute());
    await("the peer got the edit of the blog's comment", () -> updateOf(localNote).isPresent());
    db.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE comments SET status = 'trash' WHERE id = :id")
                    .bind("id", local)
                    .execute());
    await("the peer got its deletion", () -> deleteOf(localNote).isPresent());

    // A like and a boost are counted on the post's page; the like taken back is not.
    peer.control("/control/like", Map.of("target", actor, "object", objectId));
    peer.control(
        "/control/announce", Map.of("target", actor, "object", address.base() + permalink));
    await(
        "the like and the boost are counted",
        () -> server.page(permalink).contains("1 like and 1 boost from the fediverse"));
    peer.control("/control/like", Map.of("target", actor, "object", objectId));
    peer.control("/control/unlike", Map.of("target", actor, "object", objectId));
    await(
        "the like is taken back",
        () -> server.page(permalink).contains(">1 boost from the fediverse<"));

    // An edit changes the comment's text; a delete removes it.
    String edited = Fixtures.unique("Edited on the fediverse");
    peer.control(
        "/control/edit", Map.of("target", actor, "note", note, "content", "<p>" + edited + "</p>"));
    await("the edit arrived", () -> server.page(permalink).contains(edited));
    peer.control("/control/delete", Map.of("target", actor, "note", note));
    await("the reply is gone", () -> "trash".equals(status(commentId)));
    assertFalse(server.page(permalink).contains(edited));

    // Editing the post sends an Update, trashing it a Delete.
    db.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE posts SET title = :t, version = version + 1, updated_at = :now"
                            + " WHERE id = :id")
                    .bind("t", title + " (revised)")
                    .bind("now", Instant.now())
                    .bind("id", postId)
                    .execute());
    await("the peer got the edit", () -> updateOf(objectId).isPresent());
    assertEquals(title + " (revised)", updateOf(objectId).get().path("name").asString());
    db.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE posts SET status = 'trash' WHERE id = :id")
                    .bind("id", postId)
                    .execute());
    await("the peer got the deletion", () -> deleteOf(objectId).isPresent());

    // Unfollow.
    peer.control("/control/unfollow", Map.of("target", actor));
    await("the follower is gone", () -> followers() == 0);

    // Every activity (follow, reply, edit, delete, like, boost, undos) went with an RFC 9421
    // signature and none was refused: Fedify never had to knock again with the older kind.
    int toBlog = 0;
    for (JsonNode request : peer.sent()) {
      if (request.path("url").asString().equals(address.base() + "/federation/inbox")) {
        toBlog++;
        assertTrue(request.path("rfc9421").asBoolean(), "RFC 9421: " + request);
        assertEquals(202, request.path("status").asInt(), request.toString());
      }
    }
    assertTrue(toBlog >= 8, toBlog + " activities sent to the blog");
  }

  private long followers() {
    return db.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM federation_followers WHERE actor_id = :a")
                    .bind("a", peer.actorId())
                    .mapTo(Long.class)
                    .one());
  }

  private long commentFor(String note) {
    return db.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT comment_id FROM federation_comments WHERE object_id = :o")
                    .bind("o", note)
                    .mapTo(Long.class)
                    .one());
  }

  private String status(long commentId) {
    return db.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT status FROM comments WHERE id = :id")
                    .bind("id", commentId)
                    .mapTo(String.class)
                    .one());
  }

  private Optional<JsonNode> receivedOf(String type) throws Exception {
    for (JsonNode activity : peer.received()) {
      if (type.equals(activity.path("type").asString())) {
        return Optional.of(activity);
      }
    }
    return Optional.empty();
  }

  private Optional<JsonNode> updateOf(String id) throws Exception {
    return receivedAbout("Update", id);
  }

  private Optional<JsonNode> deleteOf(String id) throws Exception {
    return receivedAbout("Delete", id);
  }

  private Optional<JsonNode> receivedAbout(String type, String id) throws Exception {
    for (JsonNode activity : peer.received()) {
      if (type.equals(activity.path("type").asString())
          && id.equals(activity.path("id").asString())) {
        return Optional.of(activity);
      }
    }
    return Optional.empty();
  }

  /** The Create the peer received of the object {@code id}. */
  private Optional<JsonNode> createOf(String id) throws Exception {
    for (JsonNode activity : peer.received()) {
      if ("Create".equals(activity.path("type").asString())
          && id.equals(activity.path("id").asString())) {
        return Optional.of(activity);
      }
    }
    return Optional.empty();
  }

  private static void await(String what, Callable<Boolean> condition) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!condition.call()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.onSpinWait();
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }
}
