package blog.core.wxr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Text arrives as WordPress shows it: an export holds titles, posts and comments as WordPress
 * displays them (no slashes added), and nothing here strips or adds a backslash or reads a
 * classic-editor paragraph as Markdown; an export and its re-import change none of it.
 */
class WxrTextFidelityTest extends FreshDatabases {
  private static final String TITLE_HTML = "Slashes aren&#039;t &quot;cool&quot; \\o/ C:\\dir";
  private static final String TITLE = "Slashes aren't \"cool\" \\o/ C:\\dir";
  private static final String SHRUG = "\\o/ ¯\\_(ツ)_/¯";
  private static final String CONTENT =
      """
      A shrug ¯\\_(ツ)_/¯ and *not italic*, a_b_c, `no code` &amp; \\\\ two.
      Second line.

      1. not a list
      - nor this
      # nor a heading

      [ref]: http://example.org/

      <p>Already <em>HTML</em> with \\_ kept</p>""";

  private static String export() {
    String comment =
        """
        <wp:comment>
          <wp:comment_id>5</wp:comment_id>
          <wp:comment_author><![CDATA[Shrugger]]></wp:comment_author>
          <wp:comment_date>2020-05-02 10:00:00</wp:comment_date>
          <wp:comment_date_gmt>2020-05-02 08:00:00</wp:comment_date_gmt>
          <wp:comment_content><![CDATA[%s]]></wp:comment_content>
          <wp:comment_approved>1</wp:comment_approved>
          <wp:comment_parent>0</wp:comment_parent>
        </wp:comment>
        """
            .formatted(SHRUG);
    return WxrKit.wxr(
        "1.2",
        "",
        WxrKit.item(1, "slashes", TITLE_HTML, comment)
            .replace("Text of " + TITLE_HTML + ".", CONTENT));
  }

  @Test
  void titlesPostsAndCommentsShowTheirBackslashesAndNoMarkdown() {
    WxrKit blog = emptyBlog();
    blog.importText(export());

    assertEquals(TITLE, blog.text("SELECT title FROM posts"));
    Document post = Jsoup.parseBodyFragment(blog.text("SELECT body_html FROM posts"));
    String text = post.body().text();
    assertTrue(
        text.startsWith(
            "A shrug ¯\\_(ツ)_/¯ and *not italic*, a_b_c, `no code` & \\\\ two. Second line."),
        text);
    assertTrue(text.contains("1. not a list - nor this # nor a heading"), text);
    assertTrue(text.contains("[ref]: http://example.org/"), text);
    assertTrue(text.endsWith("Already HTML with \\_ kept"), text);
    assertTrue(post.select("ol, ul, h1, code").isEmpty(), post.body().html());
    assertEquals(List.of("HTML"), post.select("em").eachText(), "the post's own markup stays");

    String comment = blog.text("SELECT body_html FROM comments");
    assertEquals(SHRUG, Jsoup.parseBodyFragment(comment).body().text(), comment);
  }

  @Test
  void anExportAndItsReimportKeepEveryBackslash() {
    WxrKit first = emptyBlog();
    first.importText(export());
    String exported = new String(first.export(), StandardCharsets.UTF_8);
    assertTrue(exported.contains(" \\o/ C:\\dir</title>"), "the title as WordPress keeps it");
    assertTrue(exported.contains("¯\\_(ツ)_/¯"), "the post's and comment's HTML as shown");

    for (boolean withOwnMeta : List.of(true, false)) {
      String file =
          withOwnMeta
              ? exported
              : exported.replaceAll("(?s)<wp:(post|comment)meta>.*?</wp:\\1meta>", "");
      WxrKit second = emptyBlog();
      second.importText(file);
      assertEquals(
          shown(first), shown(second), withOwnMeta ? "with meta" : "as WordPress reads it");
    }
  }

  @Test
  void theThemeDataKeepsItsSpecialCharactersTitleAndItsBackslashCell() {
    WxrKit blog = emptyBlog();
    blog.importFixture(WxrKit.THEME_DATA);
    assertEquals(
        "Markup: Title With Special Characters ~`!@#$%^&*()-_=+{}[]/\\;:'\"?,.>",
        blog.text("SELECT title FROM posts WHERE slug = 'title-with-special-characters'"));
    Document body =
        Jsoup.parseBodyFragment(
            blog.text("SELECT body_html FROM posts WHERE slug = 'title-with-special-characters'"));
    assertTrue(
        body.select("td").eachText().contains("\\"), body.select("td").eachText().toString());
  }

  private static Map<String, Object> shown(WxrKit blog) {
    return Map.of(
        "title", blog.text("SELECT title FROM posts"),
        "post", blog.text("SELECT body_html FROM posts"),
        "comment", blog.text("SELECT body_html FROM comments"));
  }
}
