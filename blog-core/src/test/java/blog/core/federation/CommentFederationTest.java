package blog.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentRepository;
import blog.core.comment.CommentStatus;
import blog.core.db.Transactions;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import blog.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Comments written on the blog go out as notes replying to the post (or to the note they answer),
 * on H2 and PostgreSQL: once each, an edit as an Update, a comment taken back as a Delete; never a
 * reply from the fediverse, a comment its writer kept back, one from before federation was on, nor
 * a new one while the owner has sharing off.
 */
class CommentFederationTest extends DatabaseTestBase {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final String BASE = "https://blog.example";

  private final MutableClock clock = new MutableClock(NOW);
  private Jdbi jdbi;
  private Fixtures fixtures;
  private SettingsRepository settings;
  private SentCommentRepository sent;
  private FederatedCommentRepository remote;
  private CommentFederation sync;
  private long author;

  @Override
  protected void prepare() {
    jdbi = db.database().jdbi();
    fixtures = new Fixtures(jdbi);
    settings = new SettingsRepository(jdbi);
    sent = new SentCommentRepository(jdbi);
    remote = new FederatedCommentRepository(jdbi);
    SiteActor site = new SiteActor(BASE, "blog");
    CommentRepository comments = new CommentRepository(jdbi);
    FollowerRepository followers = new FollowerRepository(jdbi);
    followers.save(
        new RemoteActor(
            "https://social.example/users/bob",
            "https://social.example/users/bob/inbox",
            "https://social.example/inbox",
            "bob",
            "Bob",
            null,
            null,
            "https://social.example/users/bob#main-key",
            "x"),
        NOW);
    sync =
        new CommentFederation(
            new Transactions(jdbi),
            settings,
            new FederationSettings(true, "blog", false, true),
            new PostRepository(jdbi),
            comments,
            sent,
            new CommentNotes(site, comments, remote, sent),
            new Outbox(new DeliveryRepository(jdbi), followers),
            clock);
    settings.putIfAbsent(PostFederation.SINCE, NOW.minus(Duration.ofDays(1)).toString());
    author = fixtures.author("Comment federation author");
  }

  /** A post that went out to the followers. */
  private long federatedPost() {
    long post =
        fixtures.post(
            author, Fixtures.unique("Federated"), PostStatus.PUBLISHED, NOW.minusSeconds(3600));
    new FederatedPostRepository(jdbi).announced(post, 1, NOW);
    return post;
  }

  /** The activities queued about comment {@code id}, oldest first. */
  private List<JsonNode> activities(long id) {
    return jdbi
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT activity FROM federation_deliveries WHERE activity LIKE :p"
                            + " ORDER BY id")
                    .bind("p", "%" + BASE + "/federation/comments/" + id + "#%")
                    .mapTo(String.class)
                    .list())
        .stream()
        .map(a -> Json.parse(a.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .toList();
  }

  @Test
  void anApprovedCommentGoesOutOnceAsANoteInReplyToThePost() {
    long post = federatedPost();
    long comment = fixtures.comment(post, null, "Ada <Lovelace>", "Hello *there*", NOW);
    sync.sync();
    sync.sync();
    List<JsonNode> sentOut = activities(comment);
    assertEquals(1, sentOut.size(), "one Create, whatever the number of runs");
    JsonNode create = sentOut.get(0);
    assertEquals("Create", create.path("type").asString());
    assertEquals(BASE + "/federation/actor", create.path("actor").asString());
    JsonNode note = create.path("object");
    assertEquals("Note", note.path("type").asString());
    assertEquals(BASE + "/federation/comments/" + comment, note.path("id").asString());
    assertEquals(BASE + "/federation/posts/" + post, note.path("inReplyTo").asString());
    assertEquals(BASE + "/federation/actor", note.path("attributedTo").asString());
    assertEquals(
        "<p><strong>Ada &lt;Lovelace&gt;</strong> wrote:</p><p>Hello <em>there</em></p>",
        note.path("content").asString().strip());
    assertEquals(Json.PUBLIC, note.path("to").get(0).asString());
    assertEquals(BASE + "/federation/followers", note.path("cc").get(0).asString());
    assertTrue(note.path("url").asString().endsWith("#comment-" + comment));
    assertFalse(create.toString().contains("127.0.0.1"), "the commenter's address stays here");
    assertTrue(sync.noteOf(comment, 0).isPresent(), "and the note is served");
  }

  /** Every activity queued about comment {@code id}, under any of its ids, oldest first. */
  private List<JsonNode> allActivities(long id) {
    String note = BASE + "/federation/comments/" + id;
    return jdbi
        .withHandle(
            h ->
                h.createQuery("SELECT activity FROM federation_deliveries ORDER BY id")
                    .mapTo(String.class)
                    .list())
        .stream()
        .map(a -> Json.parse(a.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .filter(
            a -> {
              String object = a.path("object").path("id").asString();
              return object.equals(note) || object.startsWith(note + "/");
            })
        .toList();
  }

  @Test
  void aCommentApprovedAgainAfterItsDeleteWentOutIsSentAgainUnderANewId() {
    long post = federatedPost();
    long comment = fixtures.comment(post, null, "Hedy", "Said once", NOW);
    CommentRepository comments = new CommentRepository(jdbi);
    String first = BASE + "/federation/comments/" + comment;
    sync.sync();
    comments.setStatus(comment, CommentStatus.TRASH);
    sync.sync();
    comments.setStatus(comment, CommentStatus.APPROVED);
    sync.sync();
    sync.sync();
    List<JsonNode> out = allActivities(comment);
    assertEquals(List.of("Create", "Delete", "Create"), types(out), "sent again, once");
    assertEquals(first, out.get(1).path("object").path("id").asString());
    String second = first + "/1";
    assertEquals(second, out.get(2).path("object").path("id").asString(), "under a new id");
    assertEquals(second + "#create", out.get(2).path("id").asString());
    assertTrue(sync.noteOf(comment, 1).isPresent(), "served at its new id");
    assertTrue(sync.noteOf(comment, 0).isEmpty(), "not at the deleted one");

    // An answer to it replies to the note as it stands now.
    long answer = fixtures.comment(post, comment, "Ida", "An answer", NOW);
    sync.sync();
    assertEquals(second, allActivities(answer).get(0).path("object").path("inReplyTo").asString());

    // Trashed and approved once more: its Delete names the second id, then a third goes out.
    comments.setStatus(comment, CommentStatus.TRASH);
    sync.sync();
    comments.setStatus(comment, CommentStatus.APPROVED);
    sync.sync();
    out = allActivities(comment);
    assertEquals(List.of("Create", "Delete", "Create", "Delete", "Create"), types(out));
    assertEquals(second, out.get(3).path("object").path("id").asString());
    assertEquals(first + "/2", out.get(4).path("object").path("id").asString());
  }

  @Test
  void anEditIsSentAsAnUpdateAndTrashingAsADelete() {
    long post = federatedPost();
    long comment = fixtures.comment(post, null, "Grace", "First words", NOW);
    sync.sync();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE comments SET body_source = 'Better words',"
                        + " body_html = '<p>Better words</p>', edited_at = :now WHERE id = :id")
                .bind("now", NOW.plusSeconds(60))
                .bind("id", comment)
                .execute());
    clock.advance(Duration.ofMinutes(1));
    sync.sync();
    sync.sync();
    List<JsonNode> out = activities(comment);
    assertEquals(List.of("Create", "Update"), types(out));
    assertTrue(out.get(1).path("object").path("content").asString().contains("Better words"));

    new CommentRepository(jdbi).setStatus(comment, CommentStatus.TRASH);
    sync.sync();
    sync.sync();
    out = activities(comment);
    assertEquals(List.of("Create", "Update", "Delete"), types(out));
    assertEquals(
        BASE + "/federation/comments/" + comment, out.get(2).path("object").path("id").asString());
    assertTrue(sync.noteOf(comment, 0).isEmpty(), "a deleted note is no longer served");
  }

  @Test
  void aReplyToAFediverseReplyAnswersItsNoteAndAReplyToASentCommentAnswersThat() {
    long post = federatedPost();
    long fromThere = fixtures.comment(post, null, "Alice (@alice@social.example)", "Hi", NOW);
    String note = "https://social.example/notes/" + Fixtures.unique("n");
    remote.link(
        fromThere,
        note,
        "https://elsewhere.example/users/alice",
        "https://elsewhere.example/inbox",
        "@alice@elsewhere.example");
    long answer = fixtures.comment(post, fromThere, "Ada", "Hello Alice", NOW);
    sync.sync();
    assertTrue(activities(fromThere).isEmpty(), "a reply from the fediverse is not sent back");
    JsonNode sentNote = activities(answer).get(0).path("object");
    assertEquals(note, sentNote.path("inReplyTo").asString());
    assertEquals(
        "https://elsewhere.example/users/alice",
        sentNote.path("cc").get(1).asString(),
        "its author is addressed");
    JsonNode mention = sentNote.path("tag").get(0);
    assertEquals("Mention", mention.path("type").asString());
    assertEquals("@alice@elsewhere.example", mention.path("name").asString());
    assertEquals(
        List.of("https://social.example/inbox", "https://elsewhere.example/inbox"),
        inboxes(answer),
        "to the followers and to the author answered, who does not follow");

    long further = fixtures.comment(post, answer, "Grace", "And to you", NOW);
    sync.sync();
    assertEquals(
        BASE + "/federation/comments/" + answer,
        activities(further).get(0).path("object").path("inReplyTo").asString());
  }

  @Test
  void keptBackHeldOldAndSwitchedOffCommentsStayHere() {
    long post = federatedPost();
    long keptBack = fixtures.comment(post, null, "Shy", "Not for the fediverse", NOW);
    sent.keepBack(keptBack);
    long held = fixtures.comment(post, null, "Held", "Waiting", NOW, CommentStatus.PENDING);
    long old = fixtures.comment(post, null, "Old", "Before federation", NOW.minusSeconds(90_000));
    long unfederatedPost =
        fixtures.post(author, Fixtures.unique("Not sent"), PostStatus.PUBLISHED, NOW);
    long elsewhere = fixtures.comment(unfederatedPost, null, "Elsewhere", "Hi", NOW);
    sync.sync();
    for (long id : List.of(keptBack, held, old, elsewhere)) {
      assertTrue(activities(id).isEmpty(), "comment " + id + " stays here");
    }
    assertTrue(sync.noteOf(keptBack, 0).isEmpty());

    fixtures.approve(held);
    sync.setSharing(false);
    long whileOff;
    try {
      whileOff = fixtures.comment(post, null, "Off", "While off", NOW);
      sync.sync();
      assertTrue(activities(held).isEmpty(), "the owner's switch is off");
      assertTrue(activities(whileOff).isEmpty());
    } finally {
      sync.setSharing(true);
    }
    long afterwards = fixtures.comment(post, null, "On", "On again", NOW);
    sync.sync();
    assertTrue(activities(held).isEmpty(), "approved while off: kept here for good");
    assertTrue(activities(whileOff).isEmpty());
    assertEquals(List.of("Create"), types(activities(afterwards)), "sharing is on again");
  }

  @Test
  void aReplyThatCameAsAWebmentionIsNotSentAsOurs() {
    long post = federatedPost();
    long mention = fixtures.comment(post, null, "Elsewhere", "Written on my own site", NOW);
    long ours = fixtures.comment(post, null, "Here", "Written here", NOW);
    jdbi.useHandle(
        h -> {
          long identity =
              h.createUpdate(
                      "INSERT INTO commenter_identities (provider, subject, display_name,"
                          + " created_at, updated_at)"
                          + " VALUES ('webmention', 'https://elsewhere.example/', 'Elsewhere',"
                          + " :now, :now)")
                  .bind("now", NOW)
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          h.createUpdate("UPDATE comments SET identity_id = :identity WHERE id = :id")
              .bind("identity", identity)
              .bind("id", mention)
              .execute();
        });

    sync.sync();

    assertTrue(activities(mention).isEmpty(), "a Webmention's reply stays here");
    assertEquals(List.of("Create"), types(activities(ours)));
  }

  @Test
  void aSentCommentKeptBackLaterIsDeleted() {
    long post = federatedPost();
    long comment = fixtures.comment(post, null, "Changed mind", "Oops", NOW);
    sync.sync();
    sent.keepBack(comment);
    sync.sync();
    assertEquals(List.of("Create", "Delete"), types(activities(comment)));
  }

  /** Where the activities about comment {@code id} go. */
  private List<String> inboxes(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT inbox FROM federation_deliveries WHERE activity LIKE :p ORDER BY id")
                .bind("p", "%" + BASE + "/federation/comments/" + id + "#%")
                .mapTo(String.class)
                .list());
  }

  private static List<String> types(List<JsonNode> activities) {
    return activities.stream().map(a -> a.path("type").asString()).toList();
  }
}
