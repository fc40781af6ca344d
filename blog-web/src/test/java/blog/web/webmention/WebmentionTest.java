package blog.web.webmention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.Comment;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentStatus;
import blog.core.identity.Role;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.testing.Fixtures;
import blog.core.webmention.Mention;
import blog.core.webmention.MentionKind;
import blog.core.webmention.MentionRepository;
import blog.web.testing.Browser;
import blog.web.testing.LoopbackAddress;
import blog.web.testing.Mentions;
import blog.web.testing.OtherSite;
import blog.web.testing.StaffBrowsers;
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
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Webmention both ways over HTTP, on H2 and PostgreSQL, against a second site on 127.0.0.1 with
 * real h-entry markup and endpoints of its own ({@link OtherSite}): replies held and approved,
 * likes counted, updates and deletions of a source, sources that do not link, and the blog's own
 * posts telling the pages they link to, found by each kind of endpoint discovery.
 */
class WebmentionTest extends WebTestBase {
  private LoopbackAddress address;
  private OtherSite other;
  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  protected Map<String, String> config() {
    address = LoopbackAddress.free();
    return address.withPeers("webmention");
  }

  @Override
  protected Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  protected void prepare() {
    try {
      other = new OtherSite();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  void stopOther() {
    if (other != null) {
      other.close();
    }
  }

  private HttpResponse<String> mention(String source, String target) {
    return Mentions.send(address.base(), source, target);
  }

  private MentionRepository mentions() {
    return new MentionRepository(db.database().jdbi());
  }

  /** Waits until the mention was verified (its status is no longer pending, or changed). */
  private Mention verified(String source, String target, Instant after) {
    return Mentions.awaitVerified(db.database().jdbi(), source, target, after);
  }

  private static void await(BooleanSupplier condition, String what) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting: " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }

  private Optional<Comment> comment(Mention mention) {
    return mention
        .commentIdOptional()
        .flatMap(new CommentRepository(db.database().jdbi())::findById);
  }

  @Test
  void postPagesAdvertiseTheEndpointInAHeaderAndTheHead() throws Exception {
    String permalink = publishedPost("Advertised");
    HttpResponse<String> page = server.get(permalink);
    assertEquals(
        "<" + address.base() + "/webmention>; rel=\"webmention\"",
        page.headers().firstValue("Link").orElse(""));
    assertTrue(
        page.body()
            .contains("<link rel=\"webmention\" href=\"" + address.base() + "/webmention\">"),
        "in the head");
    HttpResponse<String> kept = server.get(permalink);
    assertEquals(
        page.headers().firstValue("Link"), kept.headers().firstValue("Link"), "cached too");
  }

  @Test
  void aReplyIsHeldThenApprovedAndShownWithItsAuthorEditedAndDeleted() throws Exception {
    String permalink = publishedPost("Replied to");
    String target = address.base() + permalink;
    String words = Fixtures.unique("Lovely post");
    other.html("/notes/reply", other.entry("u-in-reply-to", target, words));
    String source = other.url("/notes/reply");

    Instant sent = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    HttpResponse<String> answer = mention(source, target);
    assertEquals(202, answer.statusCode(), answer.body());
    Mention mention = verified(source, target, sent);
    assertEquals(Mention.ACCEPTED, mention.status(), mention.reason());
    assertEquals(MentionKind.REPLY, mention.kind());
    assertEquals("Alice Remote", mention.authorName());
    Comment held = comment(mention).orElseThrow();
    assertEquals(CommentStatus.PENDING, held.status(), "a first comment waits");
    assertFalse(held.heldReason() == null || held.heldReason().isBlank(), "and says why");
    assertFalse(server.page(permalink).contains(words), "readers do not see it yet");

    StaffBrowsers staff = new StaffBrowsers(db.database().jdbi(), server);
    Browser admin = staff.loggedIn(staff.account(Role.ADMIN, "Webmention Admin"));
    String queue = admin.page("/admin/comments?status=pending");
    assertTrue(queue.contains(words), "in the moderation queue");
    HttpResponse<String> approved =
        admin.post(
            "/admin/comments/" + held.id() + "/moderate",
            Map.of(
                "action",
                "approve",
                "status",
                "pending",
                "_csrf",
                StaffBrowsers.hidden(queue, "_csrf")));
    assertTrue(approved.statusCode() == 303 || approved.statusCode() == 302, approved.body());

    String page = server.page(permalink);
    assertTrue(page.contains(words), "approved, under the post");
    assertTrue(page.contains("Alice Remote"));
    assertTrue(page.contains("href=\"" + other.url("/") + "\""), "a link to the author's site");
    assertTrue(page.contains("via Webmention"), "marked as a webmention");
    Matcher avatar =
        Pattern.compile("src=\"(" + Pattern.quote(address.base()) + "/webmention/avatars/[0-9]+)\"")
            .matcher(page);
    assertTrue(avatar.find(), "the avatar is served by the blog");
    HttpResponse<byte[]> image =
        http.send(
            HttpRequest.newBuilder(URI.create(avatar.group(1))).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
    assertArrayEquals(other.photo, image.body(), "the author's photo, fetched once");

    // The author edits the note and sends the mention again: the comment follows.
    String edited = Fixtures.unique("Edited words");
    other.html("/notes/reply", other.entry("u-in-reply-to", target, edited));
    Instant again = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    assertEquals(202, mention(source, target).statusCode());
    Mention updated = verified(source, target, again);
    assertEquals(held.id(), updated.commentId(), "the same comment");
    assertEquals(1, other.photoFetches(), "the avatar is fetched once, not at every mention");
    String afterEdit = server.page(permalink);
    assertTrue(afterEdit.contains(edited), "its text updated");
    assertFalse(afterEdit.contains(words));

    // Then deletes it: the source answers 410, and the comment goes to the trash.
    other.gone("/notes/reply");
    Instant deleted = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    assertEquals(202, mention(source, target).statusCode());
    Mention gone = verified(source, target, deleted);
    assertEquals(Mention.DELETED, gone.status());
    assertEquals(CommentStatus.TRASH, comment(gone).orElseThrow().status());
    assertFalse(server.page(permalink).contains(edited), "no longer under the post");
  }

  @Test
  void aReplyToACommentsAddressIsThreadedUnderIt() throws Exception {
    String permalink = publishedPost("Threaded");
    long postId =
        db.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT id FROM posts WHERE slug = :slug")
                        .bind("slug", permalink.replaceAll(".*/([^/]+)/$", "$1"))
                        .mapTo(Long.class)
                        .one());
    long parent = fixtures.comment(postId, null, "Local Reader", "A local comment", Instant.now());
    String target = address.base() + permalink + "#comment-" + parent;
    other.html("/notes/threaded", other.entry("u-in-reply-to", target, "Answering the reader"));
    Instant sent = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    assertEquals(202, mention(other.url("/notes/threaded"), target).statusCode());
    Mention reply = verified(other.url("/notes/threaded"), target, sent);
    assertEquals(Mention.ACCEPTED, reply.status(), reply.reason());
    assertEquals(parent, comment(reply).orElseThrow().parentId(), "under the comment it answers");
  }

  @Test
  void aSourceThatStopsLinkingIsTakenBackAndOneThatNeverLinkedIsRefused() throws Exception {
    String permalink = publishedPost("Linked once");
    String target = address.base() + permalink;
    String source = other.url("/notes/mention");
    other.html(
        "/notes/mention",
        "<div class=\"h-entry\"><div class=\"e-content\">I wrote about <a href=\""
            + target
            + "\">this post</a>.</div></div>");
    Instant first = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    assertEquals(202, mention(source, target).statusCode());
    Mention accepted = verified(source, target, first);
    assertEquals(Mention.ACCEPTED, accepted.status(), accepted.reason());
    assertEquals(MentionKind.MENTION, accepted.kind());
    assertTrue(comment(accepted).isPresent(), "a mention is a comment too");

    other.html("/notes/mention", "<div class=\"h-entry\"><p>Changed my mind.</p></div>");
    Instant again = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    assertEquals(202, mention(source, target).statusCode());
    Mention taken = verified(source, target, again);
    assertEquals(Mention.DELETED, taken.status());
    assertEquals(CommentStatus.TRASH, comment(taken).orElseThrow().status());

    String never = other.url("/notes/never");
    other.html("/notes/never", "<div class=\"h-entry\"><p>Nothing to see.</p></div>");
    Instant third = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    assertEquals(202, mention(never, target).statusCode());
    Mention refused = verified(never, target, third);
    assertEquals(Mention.REFUSED, refused.status());
    assertTrue(refused.reason().contains("does not link"), refused.reason());
    assertTrue(refused.commentIdOptional().isEmpty(), "no comment");
  }

  @Test
  void aLikeIsCountedQuietlyUnderThePost() throws Exception {
    String permalink = publishedPost("Liked");
    String target = address.base() + permalink;
    assertFalse(server.page(permalink).contains("class=\"reactions\""));
    other.html("/likes/1", other.entry("u-like-of", target, ""));
    Instant sent = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    assertEquals(202, mention(other.url("/likes/1"), target).statusCode());
    Mention like = verified(other.url("/likes/1"), target, sent);
    assertEquals(MentionKind.LIKE, like.kind());
    assertTrue(like.commentIdOptional().isEmpty(), "a like is no comment");
    String page = server.page(permalink);
    assertTrue(page.contains("1 like elsewhere on the web"), "counted on the (kept) page");
  }

  @Test
  void hostileMarkupInASourceIsShownAsTextOnly() throws Exception {
    String permalink = publishedPost("Hostile");
    String target = address.base() + permalink;
    other.html(
        "/notes/hostile",
        """
        <div class="h-entry">
          <a class="p-author h-card" href="/mallory">&lt;script&gt;alert(1)&lt;/script&gt;Mallory</a>
          <a class="u-in-reply-to" href="%s">re</a>
          <div class="e-content"><p>&lt;img src=x onerror=alert(2)&gt; hello</p>
            <script>alert(3)</script><p onclick="alert(4)">click</p></div>
        </div>
        """
            .formatted(target));
    Instant sent = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    assertEquals(202, mention(other.url("/notes/hostile"), target).statusCode());
    Mention mention = verified(other.url("/notes/hostile"), target, sent);
    assertEquals(Mention.ACCEPTED, mention.status(), mention.reason());
    fixtures.approve(mention.commentId());

    String page = server.page(permalink);
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;Mallory"), "the name, as text");
    // The sanitiser writes "=" as "&#61;" in text.
    assertTrue(page.contains("&lt;img src&#61;x onerror&#61;alert(2)&gt; hello"), page);
    assertFalse(page.contains("<script>alert"), page);
    assertFalse(page.contains("onerror=alert(2)>"), page);
    assertFalse(page.contains("alert(3)"), "a script's code is no text");
    assertFalse(page.contains("onclick"), page);

    StaffBrowsers staff = new StaffBrowsers(db.database().jdbi(), server);
    String screen =
        staff.loggedIn(staff.account(Role.ADMIN, "Screen Reader")).page("/admin/webmention");
    assertTrue(
        screen.contains("&lt;script&gt;alert(1)&lt;/script&gt;Mallory"), "escaped there too");
    assertFalse(screen.contains("<script>alert"), screen);
    assertTrue(screen.contains(other.url("/notes/hostile")), "the mention is listed");
  }

  @Test
  void theEndpointRefusesWhatCannotBeAMention() throws Exception {
    String target = address.base() + publishedPost("Refusals");
    assertEquals(400, mention("", target).statusCode());
    assertEquals(400, mention(target, target).statusCode(), "source and target the same");
    assertEquals(400, mention("javascript:alert(1)", target).statusCode());
    assertEquals(
        400,
        mention(other.url("/x"), address.base() + "/2026/01/01/no-such-post/").statusCode(),
        "not a post of this blog");
    assertEquals(400, mention(other.url("/x"), other.url("/y")).statusCode(), "another site");
  }

  @Test
  void publishingAndEditingAPostTellThePagesItLinksTo() throws Exception {
    other.page(
        "/article",
        new OtherSite.Page(
            200,
            Map.of("Link", "<" + other.url("/wm-header") + ">; rel=\"webmention\""),
            OtherSite.document("<article class=\"h-entry\">An article</article>")));
    other.html("/essay", "<link rel=\"webmention\" href=\"/wm-link\"><p>An essay</p>");
    other.html("/deep/page", "<p><a rel=\"webmention\" href=\"../wm-relative\">endpoint</a></p>");
    other.html("/plain", "<p>No endpoint.</p>");
    other.page(
        "/refusing",
        new OtherSite.Page(
            200,
            Map.of("Link", "</wm-refuse>; rel=webmention"),
            OtherSite.document("<p>Refuses</p>")));

    // Only posts published from now on send mentions (not the seed article, nor other tests').
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    new SettingsRepository(db.database().jdbi())
        .putAll(Map.of("webmention.posts.since", now.toString()));
    String body =
        "Read [the article]("
            + other.url("/article")
            + "), [the essay]("
            + other.url("/essay#part")
            + "), [a page]("
            + other.url("/deep/page")
            + "), [plain]("
            + other.url("/plain")
            + ") and [this]("
            + other.url("/refusing")
            + ").";
    long id =
        fixtures.postWithBody(
            fixtures.author("Linker"), Fixtures.unique("Linking"), body, PostStatus.PUBLISHED, now);
    String source = address.base() + permalinkOf(id);

    await(
        () ->
            other.receivedAt("/wm-header", "/article") == 1
                && other.receivedAt("/wm-link", "/essay") == 1
                && other.receivedAt("/wm-relative", "/deep/page") == 1,
        "each page's endpoint received the mention");
    for (OtherSite.Received r : other.received()) {
      assertEquals(source, r.source());
      assertTrue(r.linksToTarget(), "the other site found the link in " + r.source());
      assertTrue(r.hEntry(), "and the post's h-entry");
    }
    assertEquals(3, other.received().size(), "nothing for a page without an endpoint");

    // The refusing endpoint's mention is given up and shown to the admin.
    StaffBrowsers staff = new StaffBrowsers(db.database().jdbi(), server);
    Browser admin = staff.loggedIn(staff.account(Role.ADMIN, "Mention Admin"));
    await(
        () -> admin.page("/admin/webmention").contains("answered 400"),
        "the dead letter on the admin's screen");
    String screen = admin.page("/admin/webmention");
    assertTrue(screen.contains(other.url("/refusing")), screen);
    assertEquals(
        403,
        admin.post("/admin/webmention/retry", Map.of("queue", "sent", "id", "1")).statusCode(),
        "no CSRF token, no retry");

    // An edit that drops the essay tells it once more, and the article again; later edits do not
    // tell the essay again.
    editBody(id, "Only [the article](" + other.url("/article") + ") now.");
    await(
        () ->
            other.receivedAt("/wm-header", "/article") == 2
                && other.receivedAt("/wm-link", "/essay") == 2,
        "the edit and the removed link were told");
    editBody(id, "Still only [the article](" + other.url("/article") + ").");
    await(() -> other.receivedAt("/wm-header", "/article") == 3, "the second edit was told");
    assertEquals(2, other.receivedAt("/wm-link", "/essay"), "a removed link is told once");

    // Trashed: the pages it linked to are told, and find it gone (404) when they look.
    db.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE posts SET status = 'trash' WHERE id = :id")
                    .bind("id", id)
                    .execute());
    await(() -> other.receivedAt("/wm-header", "/article") == 4, "the trashed post was told");
    OtherSite.Received last =
        other.received().stream()
            .filter(r -> r.target().equals(other.url("/article")))
            .reduce((a, b) -> b)
            .orElseThrow();
    assertFalse(last.linksToTarget(), "the source no longer links (it is gone)");
  }

  /** An edit as the editor stores it: new body, the version raised. */
  private void editBody(long postId, String markdown) {
    String html = new blog.core.text.MarkdownRenderer().render(markdown);
    db.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE posts SET body_markdown = :md, body_html = :html,"
                            + " version = version + 1 WHERE id = :id")
                    .bind("md", markdown)
                    .bind("html", html)
                    .bind("id", postId)
                    .execute());
  }
}
