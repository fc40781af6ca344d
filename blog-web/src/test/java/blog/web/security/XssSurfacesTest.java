package blog.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.NewPost;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.text.MarkdownRenderer;
import blog.web.testing.ActiveContent;
import blog.web.testing.FeedMarkup;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import blog.web.testing.Xml;
import blog.web.testing.XssPayloads;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stored-XSS corpus beyond the comment form (ASVS 5.0 V1.2.1, V1.3.1): as post Markdown and
 * titles, the post page, the home page and the feeds carry no active content; as search terms,
 * neither does the results page.
 */
class XssSurfacesTest extends WebTestBase {
  private final List<String> payloads = XssPayloads.all();
  private final List<String> permalinks = new ArrayList<>();

  @Override
  protected void prepare() {
    PostRepository posts = new PostRepository(db.database().jdbi());
    MarkdownRenderer markdown = new MarkdownRenderer();
    long author = fixtures.author("Markdown prober");
    // A handful of posts: each body holds a slice of the corpus, each title one probe.
    int slices = 8;
    for (int s = 0; s < slices; s++) {
      List<String> slice = new ArrayList<>();
      for (int i = s; i < payloads.size(); i += slices) {
        slice.add(payloads.get(i));
      }
      String body = String.join("\n\n", slice);
      Instant at = TestServer.NOW.minusSeconds(3600 + s);
      long id =
          posts.insert(
              new NewPost(
                  "probe-" + s,
                  payloads.get(s),
                  body,
                  "",
                  PostStatus.PUBLISHED,
                  author,
                  true,
                  at,
                  List.of(term(payloads.get(s + slices))),
                  List.of(term(payloads.get(s + 2 * slices)))),
              markdown.render(body),
              at);
      permalinks.add(permalinkOf(id));
      fixtures.comment(id, null, payloads.get(s + 3 * slices), body, TestServer.NOW);
    }
  }

  /** Category and tag names are at most 200 characters (the editor says so; this skips it). */
  private static String term(String payload) {
    return payload.length() > 200 ? payload.substring(0, 200) : payload;
  }

  @Test
  void v1_2_1_postMarkdownAndTitlesShowNoActiveContent() {
    List<String> problems = new ArrayList<>();
    for (String permalink : permalinks) {
      ActiveContent.find(server.page(permalink)).forEach(p -> problems.add(permalink + ": " + p));
    }
    ActiveContent.find(server.page("/")).forEach(p -> problems.add("home: " + p));
    assertEquals(List.of(), problems);
  }

  @Test
  void v1_2_1_feedsCarryNoActiveContent() {
    List<String> problems = new ArrayList<>();
    for (String feed :
        List.of("/feed/", "/feed/atom/", "/comments/feed/", "/comments/feed/atom/")) {
      HttpResponse<String> response = server.get(feed);
      assertEquals(200, response.statusCode(), feed);
      // Only what readers render as HTML can be active; Atom's type="text" is shown as text.
      List<String> html = FeedMarkup.htmlParts(Xml.parse(response.body()));
      for (String part : html) {
        ActiveContent.find(part).forEach(p -> problems.add(feed + ": " + p));
      }
      // Eight probe posts, each with one probe comment: every entry has an HTML part.
      assertTrue(html.size() >= 8, feed + " has HTML parts: " + html.size());
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void v1_2_1_searchTermsShowNoActiveContent() {
    List<String> problems = new ArrayList<>();
    for (String payload : payloads) {
      String term = payload.length() > 500 ? payload.substring(0, 500) : payload;
      HttpResponse<String> response =
          server.get("/?s=" + URLEncoder.encode(term, StandardCharsets.UTF_8));
      assertTrue(response.statusCode() < 500, payload + " answered " + response.statusCode());
      ActiveContent.find(response.body())
          .forEach(p -> problems.add("search " + payload + ": " + p));
    }
    assertEquals(List.of(), problems);
  }
}
