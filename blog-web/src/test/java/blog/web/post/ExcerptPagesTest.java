package blog.web.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.PostStatus;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Where a post is shown by its excerpt (home, category and search pages, the page's description and
 * link-preview tags, the feed's description) readers see its text, never its source: no WordPress
 * block comments or tags, no Markdown list markers.
 */
class ExcerptPagesTest extends WebTestBase {
  /** A WordPress block-editor post as the importer stores it: WordPress's HTML as the source. */
  private static final String WORDPRESS_BODY =
      """
      <!-- wp:paragraph -->
      <p>This test post about the zanzibarword shows <strong>a paragraph</strong> &amp; a list.</p>
      <!-- /wp:paragraph -->

      <!-- wp:list -->
      <ul><li>First item</li><li>Second item</li></ul>
      <!-- /wp:list -->""";

  private static final String MARKDOWN_BODY =
      "- item about the quokkaword\n- item\n\n1. Export *everything*\n2. Import it";

  private String wordpressPost;
  private String markdownPost;

  @Override
  protected void prepare() {
    long author = fixtures.author("Excerpt Author");
    wordpressPost =
        permalinkOf(
            fixtures.postWithBody(
                author,
                "Imported block post",
                WORDPRESS_BODY,
                PostStatus.PUBLISHED,
                TestServer.NOW.minusSeconds(60),
                List.of("Excerptcat")));
    markdownPost =
        permalinkOf(
            fixtures.postWithBody(
                author,
                "Markdown list post",
                MARKDOWN_BODY,
                PostStatus.PUBLISHED,
                TestServer.NOW.minusSeconds(120),
                List.of("Excerptcat")));
  }

  private static final String WORDPRESS_TEXT =
      "This test post about the zanzibarword shows a paragraph & a list. First item Second item";
  private static final String MARKDOWN_TEXT =
      "item about the quokkaword item Export everything Import it";

  @Test
  void listingsShowTheTextOfEachPost() {
    for (String path : List.of("/", "/category/excerptcat/")) {
      List<String> summaries = summaries(server.page(path));
      assertTrue(summaries.contains(WORDPRESS_TEXT), path + ": " + summaries);
      assertTrue(summaries.contains(MARKDOWN_TEXT), path + ": " + summaries);
    }
    assertEquals(List.of(WORDPRESS_TEXT), summaries(server.page("/?s=zanzibarword")));
    assertEquals(List.of(MARKDOWN_TEXT), summaries(server.page("/?s=quokkaword")));
  }

  @Test
  void aPostsDescriptionAndPreviewTagsAreItsText() {
    for (String[] post :
        List.of(
            new String[] {wordpressPost, WORDPRESS_TEXT},
            new String[] {markdownPost, MARKDOWN_TEXT})) {
      Document page = Jsoup.parse(server.page(post[0]));
      assertEquals(post[1], page.selectFirst("meta[name=description]").attr("content"));
      assertEquals(post[1], page.selectFirst("meta[property=og:description]").attr("content"));
    }
  }

  @Test
  void theFeedDescribesEachPostByItsText() {
    Document feed = Jsoup.parse(server.page("/feed/"), "", Parser.xmlParser());
    List<String> descriptions =
        feed.select("item > description").stream()
            .map(d -> Jsoup.parse(d.text()).text()) // as HTML, as feed readers take it
            .toList();
    assertTrue(descriptions.contains(WORDPRESS_TEXT), descriptions.toString());
    assertTrue(descriptions.contains(MARKDOWN_TEXT), descriptions.toString());
  }

  private static List<String> summaries(String html) {
    return Jsoup.parse(html).select(".entry-summary").stream().map(e -> e.text()).toList();
  }
}
