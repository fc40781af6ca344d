package blog.web.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.web.testing.ActiveContent;
import blog.web.testing.Browser;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import blog.web.testing.XssPayloads;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Well-known stored-XSS probes posted as comment text, name and website: neither the refused-form
 * page nor the post page afterwards carries any of them as live markup.
 */
class XssCorpusTest extends WebTestBase {
  private String permalink;

  @Override
  protected void prepare() {
    new SettingsRepository(db.database().jdbi())
        .putAll(
            Map.of(
                DiscussionSettings.MODERATION, "none",
                DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0",
                DiscussionSettings.FLOOD_SECONDS, "0",
                DiscussionSettings.MAX_LINKS, "100"));
    long id =
        fixtures.post(
            fixtures.author("Target"),
            "Probe target",
            PostStatus.PUBLISHED,
            TestServer.NOW.minusSeconds(60));
    Post post = new PostRepository(db.database().jdbi()).findById(id).orElseThrow();
    permalink = "/2026/06/01/" + post.slug() + "/";
  }

  @Test
  void v1_2_1_noProbeReachesThePageAsLiveMarkup() {
    List<String> payloads = XssPayloads.all();
    assertTrue(payloads.size() >= 200, "the corpus is loaded");
    Browser browser = new Browser(server);
    List<String> problems = new ArrayList<>();
    int stored = 0;
    for (int i = 0; i < payloads.size(); i++) {
      String payload = payloads.get(i);
      for (String field : List.of("comment", "author", "url")) {
        Map<String, String> form = Browser.replyForm(browser.page(permalink));
        form.put("author", field.equals("author") ? payload : "Prober " + i);
        form.put("email", "probe" + i + "-" + field + "@example.org");
        form.put("comment", field.equals("comment") ? payload : "Probe " + i + " via " + field);
        form.put("url", field.equals("url") ? payload : "");
        HttpResponse<String> response = browser.post("/comments/", form);
        if (response.statusCode() == 303) {
          stored++;
        } else {
          assertEquals(422, response.statusCode(), payload);
          ActiveContent.find(response.body())
              .forEach(p -> problems.add(field + " " + payload + ": " + p));
        }
      }
    }
    // Comment text and names are nearly all stored; most probes are no web address at all.
    assertTrue(stored >= payloads.size() * 3 / 2, "most probes were stored and shown: " + stored);
    String page = new Browser(server).page(permalink);
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "probes are shown, as text");
    ActiveContent.find(page).forEach(p -> problems.add("post page: " + p));
    assertEquals(List.of(), problems);
  }
}
