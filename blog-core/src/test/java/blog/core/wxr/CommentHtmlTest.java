package blog.core.wxr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentRenderer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** WordPress comments become comment text that shows what WordPress showed. */
class CommentHtmlTest {
  private final CommentRenderer renderer = new CommentRenderer();

  private Document shown(String wordpressHtml) {
    return Jsoup.parseBodyFragment(renderer.render(CommentHtml.toSource(wordpressHtml)));
  }

  @Test
  void theThemeTestDataCommentKeepsItsTableAndNestedLists() {
    String xml = new String(WxrKit.fixture(WxrKit.THEME_DATA), StandardCharsets.UTF_8);
    int at = xml.indexOf("<wp:comment_content><![CDATA[<strong>Headings");
    String html =
        xml.substring(
            at + "<wp:comment_content><![CDATA[".length(),
            xml.indexOf("]]></wp:comment_content>", at));
    Document page = shown(html);

    Element table = page.selectFirst("table");
    assertEquals(
        List.of("Employee", "Salary", ""),
        table.select("thead th").stream().map(Element::text).toList(),
        table.outerHtml());
    Element john = table.select("tbody tr").first();
    assertEquals(
        List.of("John Saddington", "$1", "Because that's all Steve Job' needed for a salary."),
        john.select("td").eachText());
    assertEquals("http://example.org/", john.selectFirst("td a").attr("href"));
    assertEquals(4, table.select("tbody tr").size());

    // Unordered lists nest three deep, four items in the innermost.
    assertEquals(4, page.select("ul > li > ul > li > ul > li").size());
    // The ordered list starts at 8 and its nested lists count from 1.
    Element ordered = page.selectFirst("ol");
    assertEquals("8", ordered.attr("start"));
    assertEquals(4, ordered.select("> li").size());
    assertEquals(4, page.select("ol > li > ol > li > ol > li").size());
    // Preformatted text keeps its lines and backslashes, and its markup is not shown as text.
    String poem = page.select("pre").eachText().toString();
    assertTrue(poem.contains("And sorry I could not travel both          (\\_/)"), poem);
    assertFalse(poem.contains("*Robert Frost*"), poem);
  }

  @Test
  void textShowsExactlyAsWrittenBackslashesStarsAndNumbersIncluded() {
    String text = "\\o/ ¯\\_(ツ)_/¯ and *stars*, [brackets], a_b_c, `ticks`, &amp;amp; \\\\";
    assertEquals(
        "\\o/ ¯\\_(ツ)_/¯ and *stars*, [brackets], a_b_c, `ticks`, &amp; \\\\",
        shown(text).body().text());
    Document lines = shown("1. not a list<br />\n- nor this<br />\n&gt; nor a quote");
    assertEquals("1. not a list - nor this > nor a quote", lines.body().text());
    assertEquals(2, lines.select("p > br").size());
    assertTrue(lines.select("ol, ul, blockquote").isEmpty(), lines.body().html());
  }

  @Test
  void struckOutWordsStayStruckOutWhateverTheTag() {
    Document page =
        shown("<del cite=\"x\">gone</del>, <s>old</s> and <strike>obsolete</strike>, but ~~ stays");
    assertEquals(List.of("gone", "old", "obsolete"), page.select("del").eachText());
    assertEquals("gone, old and obsolete, but ~~ stays", page.body().text());
    String source = CommentHtml.toSource("a <s>b</s> c");
    assertEquals("a ~~b~~ c", source);
    assertEquals(source, CommentHtml.toSource(renderer.render(source)));
  }

  @Test
  void codeKeepsItsTextAndBackticks() {
    Document page = shown("Use <code>a `b` \\_c</code> here");
    assertEquals("a `b` \\_c", page.selectFirst("code").text());
  }

  @Test
  void anEditedImportedCommentReadsAsItsSourceAgain() {
    String source = CommentHtml.toSource("<ol start=\"3\"><li>a<ul><li>b \\o/</li></ul></li></ol>");
    assertEquals("3. a\n   - b \\\\o/", source);
    assertEquals(source, CommentHtml.toSource(renderer.render(source)));
  }
}
