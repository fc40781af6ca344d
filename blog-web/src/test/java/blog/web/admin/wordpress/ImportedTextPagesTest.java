package blog.web.admin.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.wxr.ImportProgress;
import blog.core.wxr.WxrImporter;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * An imported WordPress post and its comments read on the page and in the feeds as WordPress showed
 * them: backslashes, asterisks and underscores as written, tables and lists in comments.
 */
class ImportedTextPagesTest extends WebTestBase {
  private static final String SHRUG = "\\o/ ¯\\_(ツ)_/¯";
  private static final String TITLE = "Slashes \\o/ and *stars*";
  private static final String PATH = "/2020/05/01/slashes/";

  @Override
  protected void prepare() {
    var jdbi = db.database().jdbi();
    WxrImporter importer =
        WxrImporter.of(db.database(), Clock.fixed(TestServer.NOW, ZoneOffset.UTC));
    byte[] file = export().getBytes(StandardCharsets.UTF_8);
    importer.importFrom(new ByteArrayInputStream(file), file.length, ImportProgress.NONE);
  }

  @Test
  void thePostPageShowsTitleBodyAndCommentsAsWordPressDid() {
    Document page = Jsoup.parse(server.page(PATH));
    assertEquals(TITLE, page.selectFirst("h1.entry-title").text());
    assertEquals("A shrug ¯\\_(ツ)_/¯ and *not italic*.", page.selectFirst(".entry-content").text());
    List<Element> comments = page.select(".comment-content");
    assertEquals(SHRUG, comments.get(0).text());
    Element table = comments.get(1).selectFirst("table");
    assertEquals(List.of("John Saddington", "$1"), table.select("tbody td").eachText());
    assertEquals(List.of("one", "two"), comments.get(1).select("ol > li").eachText());
  }

  @Test
  void theFeedsCarryTheSameText() {
    Document posts = Jsoup.parse(server.page("/feed/"), "", Parser.xmlParser());
    Element item =
        posts.select("item").stream()
            .filter(i -> i.selectFirst("link").text().endsWith(PATH))
            .findFirst()
            .orElseThrow();
    assertEquals(TITLE, item.selectFirst("title").text());
    String content = Jsoup.parse(item.selectFirst("content|encoded").text()).text();
    assertEquals("A shrug ¯\\_(ツ)_/¯ and *not italic*.", content);

    Document comments = Jsoup.parse(server.page("/comments/feed/"), "", Parser.xmlParser());
    List<String> texts =
        comments.select("item > description").stream()
            .map(d -> Jsoup.parse(d.text()).text())
            .toList();
    assertTrue(texts.contains(SHRUG), texts.toString());
  }

  private static String export() {
    return """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
             xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
          <title>Text blog</title>
          <link>http://example.org</link>
          <wp:wxr_version>1.2</wp:wxr_version>
          <wp:base_site_url>http://example.org</wp:base_site_url>
          <item>
            <title>Slashes \\o/ and *stars*</title>
            <dc:creator><![CDATA[admin]]></dc:creator>
            <content:encoded><![CDATA[A shrug ¯\\_(ツ)_/¯ and *not italic*.]]></content:encoded>
            <excerpt:encoded><![CDATA[]]></excerpt:encoded>
            <wp:post_id>1</wp:post_id>
            <wp:post_date>2020-05-01 10:00:00</wp:post_date>
            <wp:post_date_gmt>2020-05-01 08:00:00</wp:post_date_gmt>
            <wp:comment_status>open</wp:comment_status>
            <wp:post_name>slashes</wp:post_name>
            <wp:status>publish</wp:status>
            <wp:post_type>post</wp:post_type>
            %s
            %s
          </item>
        </channel>
        </rss>
        """
        .formatted(
            comment(1, "2020-05-02 08:00:00", SHRUG),
            comment(
                2,
                "2020-05-02 09:00:00",
                "<table><tr><td>John Saddington</td><td>$1</td></tr></table>"
                    + "<ol><li>one</li><li>two</li></ol>"));
  }

  private static String comment(int id, String date, String html) {
    return """
        <wp:comment>
          <wp:comment_id>%d</wp:comment_id>
          <wp:comment_author><![CDATA[Reader %d]]></wp:comment_author>
          <wp:comment_date_gmt>%s</wp:comment_date_gmt>
          <wp:comment_content><![CDATA[%s]]></wp:comment_content>
          <wp:comment_approved>1</wp:comment_approved>
        </wp:comment>
        """
        .formatted(id, id, date, html);
  }
}
