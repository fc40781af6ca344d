package blog.web.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.testing.Fixtures;
import blog.web.testing.Browser;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Break comments into pages": off by default; threads stay whole; newest or oldest first. */
class CommentPagingTest extends WebTestBase {
  private SettingsRepository settings;

  @Override
  protected void prepare() {
    settings = new SettingsRepository(db.database().jdbi());
  }

  private String postWithThreads(int threads) {
    long id =
        fixtures.post(
            fixtures.author("Pager"),
            Fixtures.unique("Paged"),
            PostStatus.PUBLISHED,
            TestServer.NOW.minusSeconds(3600));
    for (int i = 1; i <= threads; i++) {
      long root =
          fixtures.comment(
              id,
              null,
              "Root" + i,
              "Thread " + i + " starts.",
              TestServer.NOW.minusSeconds(3000 - i * 10));
      if (i == 1) {
        fixtures.comment(
            id, root, "Replier", "A reply in thread 1.", TestServer.NOW.minusSeconds(100));
      }
    }
    Post post = new PostRepository(db.database().jdbi()).findById(id).orElseThrow();
    return "/2026/06/01/" + post.slug() + "/";
  }

  /** Two threads a page in {@code order}, comments published at once and sent without a wait. */
  private void pageByTwo(String order) {
    settings.putAll(
        Map.of(
            DiscussionSettings.PAGE_COMMENTS, "true",
            DiscussionSettings.COMMENTS_PER_PAGE, "2",
            DiscussionSettings.COMMENTS_ORDER, order,
            DiscussionSettings.MODERATION, "none",
            DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0",
            DiscussionSettings.FLOOD_SECONDS, "0"));
  }

  @Test
  void withPagingOffAllCommentsAreOnThePost() {
    settings.putAll(Map.of(DiscussionSettings.PAGE_COMMENTS, "false"));
    String permalink = postWithThreads(5);
    String page = server.page(permalink);
    assertTrue(page.contains("Thread 1 starts.") && page.contains("Thread 5 starts."));
    assertFalse(page.contains("comment-page-"));
  }

  @Test
  void withPagingOffNoCommentPageCopiesThePost() {
    settings.putAll(Map.of(DiscussionSettings.PAGE_COMMENTS, "false"));
    String permalink = postWithThreads(5);
    assertEquals(404, server.get(permalink + "comment-page-99/").statusCode());
    assertEquals(404, server.get(permalink + "comment-page-2/").statusCode());
    HttpResponse<String> first = server.get(permalink + "comment-page-1/");
    assertEquals(301, first.statusCode());
    assertEquals(permalink, first.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void commentPageOneIsThePostItself() {
    pageByTwo("oldest");
    try {
      String permalink = postWithThreads(5);
      HttpResponse<String> first = server.get(permalink + "comment-page-1/");
      assertEquals(301, first.statusCode());
      assertEquals(permalink, first.headers().firstValue("Location").orElseThrow());
      assertEquals(200, server.get(permalink + "comment-page-2/").statusCode());
      assertEquals(404, server.get(permalink + "comment-page-99/").statusCode());
    } finally {
      settings.putAll(Map.of(DiscussionSettings.PAGE_COMMENTS, "false"));
    }
  }

  @Test
  void threadsArePagedOldestFirstAndANewCommentLeadsToItsPage() {
    pageByTwo("oldest");
    try {
      String permalink = postWithThreads(5);
      String first = server.page(permalink);
      assertTrue(first.contains("Thread 1 starts.") && first.contains("Thread 2 starts."));
      assertTrue(first.contains("A reply in thread 1."), "replies stay with their thread");
      assertFalse(first.contains("Thread 3 starts."));
      assertTrue(first.contains("href=\"" + permalink + "comment-page-2/#comments\""));
      assertTrue(first.contains("6 responses to"), "the count covers every page");

      String third = server.page(permalink + "comment-page-3/");
      assertTrue(third.contains("Thread 5 starts."));
      assertTrue(third.contains("id=\"commentform\""), "the form is on every page");
      assertEquals(404, server.get(permalink + "comment-page-4/").statusCode());
      assertEquals(404, server.get(permalink + "comment-page-x/").statusCode());

      Browser browser = new Browser(server);
      Map<String, String> form = Browser.replyForm(browser.page(permalink));
      form.putAll(Map.of("author", "New", "email", "new@example.org", "comment", "Thread 6."));
      HttpResponse<String> posted = browser.post("/comments/", form);
      assertTrue(
          posted
              .headers()
              .firstValue("Location")
              .orElseThrow()
              .startsWith(permalink + "comment-page-3/#comment-"),
          posted.headers().firstValue("Location").orElseThrow());
    } finally {
      settings.putAll(Map.of(DiscussionSettings.PAGE_COMMENTS, "false"));
    }
  }

  @Test
  void newestFirstShowsTheLatestThreadsOnThePost() {
    settings.putAll(
        Map.of(
            DiscussionSettings.PAGE_COMMENTS, "true",
            DiscussionSettings.COMMENTS_PER_PAGE, "2",
            DiscussionSettings.COMMENTS_ORDER, "newest"));
    try {
      String permalink = postWithThreads(5);
      String first = server.page(permalink);
      int five = first.indexOf("Thread 5 starts.");
      int four = first.indexOf("Thread 4 starts.");
      assertTrue(five > 0 && four > five, "newest first");
      assertFalse(first.contains("Thread 1 starts."));
      assertTrue(first.contains("Older comments"));
    } finally {
      settings.putAll(
          Map.of(
              DiscussionSettings.PAGE_COMMENTS,
              "false",
              DiscussionSettings.COMMENTS_ORDER,
              "oldest"));
    }
  }

  @Test
  void aNewThreadMovesTheLaterPagesAtOnce() {
    pageByTwo("newest");
    try {
      String permalink = postWithThreads(5);
      String second = server.page(permalink + "comment-page-2/");
      assertTrue(second.contains("Thread 3 starts.") && second.contains("Thread 2 starts."));
      assertFalse(second.contains("Thread 4 starts."));
      assertTrue(server.page(permalink + "comment-page-3/").contains("Thread 1 starts."));

      Browser browser = new Browser(server);
      Map<String, String> form = Browser.replyForm(browser.page(permalink));
      form.putAll(Map.of("author", "New", "email", "new@example.org", "comment", "Thread 6."));
      assertEquals(303, browser.post("/comments/", form).statusCode());

      // Where each page starts was kept for the discussion as it was; it is read again.
      second = server.page(permalink + "comment-page-2/");
      assertTrue(
          second.contains("Thread 4 starts.") && second.contains("Thread 3 starts."), second);
      assertFalse(second.contains("Thread 2 starts."));
      String third = server.page(permalink + "comment-page-3/");
      assertTrue(third.contains("Thread 2 starts.") && third.contains("Thread 1 starts."));
    } finally {
      settings.putAll(
          Map.of(
              DiscussionSettings.PAGE_COMMENTS,
              "false",
              DiscussionSettings.COMMENTS_ORDER,
              "oldest"));
    }
  }
}
