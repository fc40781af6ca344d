package blog.web.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
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
 * page nor the post page afterwards carries any of them as live markup. Each probe goes to a post
 * of its own, so every page checked is small (one page holding them all took a minute to render
 * over and over).
 */
class XssCorpusTest extends WebTestBase {
  private long author;

  @Override
  protected void prepare() {
    new SettingsRepository(db.database().jdbi())
        .putAll(
            Map.of(
                DiscussionSettings.MODERATION, "none",
                DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0",
                DiscussionSettings.FLOOD_SECONDS, "0",
                DiscussionSettings.MAX_LINKS, "100"));
    author = fixtures.author("Target");
  }

  @Test
  void v1_2_1_noProbeReachesThePageAsLiveMarkup() {
    List<String> payloads = XssPayloads.all();
    assertTrue(payloads.size() >= 200, "the corpus is loaded");
    Browser browser = new Browser(server);
    List<String> problems = new ArrayList<>();
    int stored = 0;
    boolean shownAsText = false;
    for (int i = 0; i < payloads.size(); i++) {
      String payload = payloads.get(i);
      String permalink =
          permalinkOf(
              fixtures.post(
                  author,
                  "Probe target " + i,
                  PostStatus.PUBLISHED,
                  TestServer.NOW.minusSeconds(60)));
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
      // The post page afterwards, with whatever of this probe was stored, as a new reader sees it.
      String page = new Browser(server).page(permalink);
      shownAsText |= page.contains("&lt;script&gt;alert(1)&lt;/script&gt;");
      ActiveContent.find(page).forEach(p -> problems.add("post page of " + payload + ": " + p));
    }
    // Comment text and names are nearly all stored; most probes are no web address at all.
    assertTrue(stored >= payloads.size() * 3 / 2, "most probes were stored and shown: " + stored);
    assertTrue(shownAsText, "probes are shown, as text");
    assertEquals(List.of(), problems);
  }
}
