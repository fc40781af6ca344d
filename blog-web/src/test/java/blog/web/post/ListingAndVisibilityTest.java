package blog.web.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentStatus;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.seed.SeedContent;
import blog.core.site.SettingsRepository;
import blog.core.site.SiteSettings;
import blog.web.testing.WebTestBase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pagination, threading and what readers must never see, with two posts per page. */
class ListingAndVisibilityTest extends WebTestBase {
  private Post january;
  private Post february;
  private Post march;
  private Post dueScheduled;
  private Post draft;
  private Post futureScheduled;
  private Post trashed;

  @Override
  protected void prepare() {
    new SettingsRepository(db.database().jdbi()).putAll(Map.of(SiteSettings.POSTS_PER_PAGE, "2"));
    long author = fixtures.author("Ann Author");
    january = post(author, "January notes", PostStatus.PUBLISHED, "2026-01-10T10:00:00Z");
    february = post(author, "February notes", PostStatus.PUBLISHED, "2026-02-10T10:00:00Z");
    march = post(author, "March notes", PostStatus.PUBLISHED, "2026-03-10T10:00:00Z");
    dueScheduled = post(author, "Scheduled and due", PostStatus.SCHEDULED, "2026-05-01T10:00:00Z");
    draft = post(author, "Secret draft", PostStatus.DRAFT, null);
    futureScheduled =
        post(author, "Scheduled for December", PostStatus.SCHEDULED, "2026-12-01T10:00:00Z");
    trashed = post(author, "Thrown away", PostStatus.TRASH, "2026-01-20T10:00:00Z");
  }

  private Post post(long author, String title, PostStatus status, String publishedAt) {
    long id =
        fixtures.post(
            author,
            title,
            status,
            publishedAt == null ? null : Instant.parse(publishedAt),
            List.of("Notes"),
            List.of("monthly"));
    return new PostRepository(db.database().jdbi()).findById(id).orElseThrow();
  }

  @Test
  void homeIsPaginatedNewestFirst() {
    String first = mainContent(server.page("/"));
    assertOrder(first, dueScheduled.title(), march.title());
    assertFalse(first.contains(february.title()));
    assertTrue(first.contains("href=\"/page/2/\""), "link to older posts");

    String second = mainContent(server.page("/page/2/"));
    assertOrder(second, february.title(), january.title());
    assertTrue(second.contains("href=\"/\""), "link back to newer posts");
    assertTrue(second.contains("href=\"/page/3/\""));

    String third = mainContent(server.page("/page/3/"));
    assertTrue(third.contains(SeedContent.TITLE));
    assertFalse(third.contains("href=\"/page/4/\""));
    assertEquals(404, server.get("/page/4/").statusCode());
  }

  @Test
  void archivesArePaginatedToo() {
    String notes = mainContent(server.page("/category/notes/"));
    assertOrder(notes, dueScheduled.title(), march.title());
    assertTrue(notes.contains("href=\"/category/notes/page/2/\""));
    assertOrder(
        mainContent(server.page("/category/notes/page/2/")), february.title(), january.title());
    String march2026 = mainContent(server.page("/2026/03/"));
    assertTrue(march2026.contains(march.title()));
    assertFalse(march2026.contains(february.title()));
  }

  @Test
  void draftsFutureScheduledAndTrashedPostsAreNeverVisible() {
    List<String> pages =
        List.of(
            "/",
            "/page/2/",
            "/page/3/",
            "/2026/",
            "/2026/01/",
            "/category/notes/",
            "/category/notes/page/2/",
            "/tag/monthly/");
    for (String path : pages) {
      String page = server.page(path);
      for (Post hidden : List.of(draft, futureScheduled, trashed)) {
        assertFalse(page.contains(hidden.title()), hidden.title() + " leaked on " + path);
      }
    }
    assertEquals(404, server.get("/2026/12/01/" + futureScheduled.slug() + "/").statusCode());
    assertEquals(404, server.get("/2026/01/20/" + trashed.slug() + "/").statusCode());
    assertEquals(404, server.get("/2026/06/01/" + draft.slug() + "/").statusCode());
    assertEquals(404, server.get("/2026/12/").statusCode(), "a month with only future posts");
    assertEquals(200, server.get("/2026/05/01/" + dueScheduled.slug() + "/").statusCode());
  }

  @Test
  void repliesNestUnderTheirParentsAndHeldCommentsStayHidden() {
    long postId = march.id();
    Instant t = Instant.parse("2026-03-11T09:00:00Z");
    long root = fixtures.comment(postId, null, "Rita", "The root comment.", t);
    long reply = fixtures.comment(postId, root, "Rob", "A reply to Rita.", t.plusSeconds(60));
    long deeper = fixtures.comment(postId, reply, "Rita", "A reply to Rob.", t.plusSeconds(120));
    long second =
        fixtures.comment(postId, null, "Sam", "Another top-level comment.", t.plusSeconds(180));
    fixtures.comment(
        postId, root, "Spammer", "Held for moderation.", t.plusSeconds(240), CommentStatus.PENDING);

    String page = server.page("/2026/03/10/" + march.slug() + "/");
    assertTrue(page.contains("4 responses to “March notes”"), page);
    assertFalse(page.contains("Held for moderation."));
    assertFalse(page.contains("Spammer"));
    int rootAt = page.indexOf("id=\"comment-" + root + "\"");
    int replyAt = page.indexOf("id=\"comment-" + reply + "\"");
    int deeperAt = page.indexOf("id=\"comment-" + deeper + "\"");
    int secondAt = page.indexOf("id=\"comment-" + second + "\"");
    assertTrue(rootAt > 0 && rootAt < replyAt && replyAt < deeperAt && deeperAt < secondAt, page);
    assertTrue(page.substring(rootAt, replyAt).contains("<ol class=\"children\">"));
    assertTrue(page.substring(replyAt, deeperAt).contains("<ol class=\"children\">"));
    assertTrue(page.substring(replyAt, deeperAt).contains("class=\"comment depth-2\""));
    // The second top-level comment comes after both nested lists have closed again.
    String between = page.substring(deeperAt, secondAt);
    assertEquals(2, between.split("</ol>", -1).length - 1, between);
    assertTrue(page.contains("class=\"comment depth-1\""));
  }

  /** The page without its sidebar, whose "Recent Posts" would list posts of other pages. */
  private static String mainContent(String page) {
    return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
  }

  private static void assertOrder(String page, String earlier, String later) {
    int a = page.indexOf(earlier);
    int b = page.indexOf(later);
    assertTrue(a >= 0 && b > a, "expected '" + earlier + "' before '" + later + "'");
  }
}
