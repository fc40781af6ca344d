package blog.web.post;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Nothing lost, nothing doubled: many submissions at once over real HTTP. */
class ConcurrentSubmissionsTest extends WebTestBase {
  private SettingsRepository settings;
  private long author;

  @Override
  protected void prepare() {
    settings = new SettingsRepository(db.database().jdbi());
    settings.putAll(
        Map.of(
            DiscussionSettings.MODERATION, "none",
            DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0",
            DiscussionSettings.FLOOD_SECONDS, "0"));
    author = fixtures.author("Busy");
  }

  private Post newPost() {
    long id =
        fixtures.post(
            author, Fixtures.unique("Busy"), PostStatus.PUBLISHED, TestServer.NOW.minusSeconds(60));
    return new PostRepository(db.database().jdbi()).findById(id).orElseThrow();
  }

  private static String permalink(Post post) {
    return "/2026/06/01/" + post.slug() + "/";
  }

  @Test
  void hundredDistinctCommentsAtOnceAllLandExactlyOnce() throws Exception {
    Post post = newPost();
    List<Callable<HttpResponse<String>>> sends = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Browser browser = new Browser(server);
      Map<String, String> form = Browser.replyForm(browser.page(permalink(post)));
      form.putAll(
          Map.of(
              "author", "Crowd " + i,
              "email", "crowd" + i + "@example.org",
              "comment", "Voice number " + i));
      sends.add(() -> browser.post("/comments/", form));
    }
    Set<String> locations = new HashSet<>();
    for (HttpResponse<String> response : runAtOnce(sends)) {
      assertEquals(303, response.statusCode(), response.body());
      locations.add(response.headers().firstValue("Location").orElseThrow());
    }
    assertEquals(100, locations.size());
    assertEquals(100, fixtures.countComments(post.id()));
  }

  @Test
  void twentyCopiesOfOneFormAtOnceLandOnce() throws Exception {
    Post post = newPost();
    Browser browser = new Browser(server);
    Map<String, String> form = Browser.replyForm(browser.page(permalink(post)));
    form.putAll(Map.of("author", "Clicker", "email", "clicker@example.org", "comment", "Click!"));
    List<Callable<HttpResponse<String>>> sends = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sends.add(() -> browser.post("/comments/", form));
    }
    Set<String> locations = new HashSet<>();
    for (HttpResponse<String> response : runAtOnce(sends)) {
      assertEquals(303, response.statusCode(), response.body());
      locations.add(response.headers().firstValue("Location").orElseThrow());
    }
    assertEquals(1, locations.size(), "every copy is told about the same comment");
    assertEquals(1, fixtures.countComments(post.id()));
  }

  @Test
  void fiftyWritersOfTwentyCommentsEachLandExactlyAThousand() throws Exception {
    Post post = newPost();
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      List<Callable<Integer>> writers = new ArrayList<>();
      for (int w = 0; w < 50; w++) {
        int writer = w;
        writers.add(
            () -> {
              Browser browser = new Browser(server);
              int stored = 0;
              for (int c = 0; c < 20; c++) {
                Map<String, String> form = Browser.replyForm(browser.page(permalink(post)));
                form.putAll(
                    Map.of(
                        "author", "Writer " + writer,
                        "email", "writer" + writer + "@example.org",
                        "comment", "Comment " + c + " of writer " + writer));
                HttpResponse<String> response = browser.post("/comments/", form);
                assertEquals(303, response.statusCode(), response.body());
                stored++;
              }
              return stored;
            });
      }
      int stored = 0;
      for (Future<Integer> writer : pool.invokeAll(writers)) {
        stored += writer.get();
      }
      assertEquals(1000, stored);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1000, fixtures.countComments(post.id()));
  }

  private static List<HttpResponse<String>> runAtOnce(List<Callable<HttpResponse<String>>> sends)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<HttpResponse<String>>> futures = pool.invokeAll(sends);
      List<HttpResponse<String>> responses = new ArrayList<>();
      for (Future<HttpResponse<String>> future : futures) {
        responses.add(future.get());
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }
}
