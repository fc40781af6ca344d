package blog.web.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.PostStatus;
import blog.web.testing.FeedMarkup;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import blog.web.testing.Xml;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Every feed the blog serves (posts, comments, one post's comments, a category's and a tag's posts;
 * RSS and Atom each) meets its spec, and the HTML inside feed bodies links with absolute URLs.
 */
class EveryFeedTest extends WebTestBase {
  static final String BASE = "https://feeds.example";
  private static final Instant NOW = TestServer.NOW;

  private long author;

  @Override
  protected Map<String, String> config() {
    return Map.of("base-url", BASE);
  }

  @Override
  protected void prepare() {
    author = fixtures.author("Vera Validfeed");
  }

  @Test
  void everyRssAndAtomFeedMeetsItsSpec() throws Exception {
    long id =
        fixtures.post(
            author,
            "Checked everywhere",
            PostStatus.PUBLISHED,
            NOW.minusSeconds(600),
            List.of("Checkcat"),
            List.of("checktag"));
    long first = fixtures.comment(id, null, "Ann", "A comment.", NOW.minusSeconds(300));
    fixtures.comment(id, first, "Bob", "A reply.", NOW.minusSeconds(200));
    String permalink = permalinkOf(id);
    List<String> feeds =
        List.of(
            "/feed/",
            "/comments/feed/",
            permalink + "feed/",
            "/category/checkcat/feed/",
            "/tag/checktag/feed/");
    for (String rss : feeds) {
      HttpResponse<String> answer = server.get(rss);
      assertEquals(200, answer.statusCode(), rss);
      assertEquals(
          "application/rss+xml; charset=utf-8",
          answer.headers().firstValue("Content-Type").orElseThrow(),
          rss);
      Element channel = FeedChecks.rss(answer.body(), BASE + rss, BASE);
      assertFalse(Xml.children(channel, null, "item").isEmpty(), rss + " lists something");

      String atom = rss + "atom/";
      answer = server.get(atom);
      assertEquals(200, answer.statusCode(), atom);
      assertEquals(
          "application/atom+xml; charset=utf-8",
          answer.headers().firstValue("Content-Type").orElseThrow(),
          atom);
      Element feed = FeedChecks.atom(answer.body(), BASE + atom, BASE);
      assertFalse(Xml.children(feed, Xml.ATOM, "entry").isEmpty(), atom + " lists something");
    }
    // A post's comment feed lists both comments, replies included.
    Element comments =
        FeedChecks.atom(
            server.page(permalink + "feed/atom/"), BASE + permalink + "feed/atom/", BASE);
    assertEquals(2, Xml.children(comments, Xml.ATOM, "entry").size());
  }

  @Test
  void linksAndImagesInFeedBodiesAreAbsoluteUnderTheBaseUrl() throws Exception {
    long id =
        fixtures.postWithBody(
            author,
            "Relative links inside",
            "See [x](/about/) and ![i](/media/a.png), or [elsewhere](https://other.example/p).",
            PostStatus.PUBLISHED,
            NOW.minusSeconds(60));
    String guid = BASE + "/?p=" + id;

    Element channel =
        Xml.child(Xml.parse(server.page("/feed/")).getDocumentElement(), null, "channel");
    Element item =
        Xml.children(channel, null, "item").stream()
            .filter(i -> Xml.text(i, null, "guid").equals(guid))
            .findFirst()
            .orElseThrow();
    assertAbsolute(Xml.text(item, FeedMarkup.CONTENT_MODULE, "encoded"));

    Element feed = Xml.parse(server.page("/feed/atom/")).getDocumentElement();
    Element entry =
        Xml.children(feed, Xml.ATOM, "entry").stream()
            .filter(e -> Xml.text(e, Xml.ATOM, "id").equals(guid))
            .findFirst()
            .orElseThrow();
    assertAbsolute(Xml.text(entry, Xml.ATOM, "content"));
  }

  private static void assertAbsolute(String html) {
    assertTrue(html.contains("href=\"" + BASE + "/about/\""), html);
    assertTrue(html.contains("src=\"" + BASE + "/media/a.png\""), html);
    assertTrue(html.contains("href=\"https://other.example/p\""), "others' links stay: " + html);
    assertFalse(html.contains("=\"/"), "no root-relative URL is left: " + html);
  }
}
