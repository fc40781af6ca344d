package blog.core.wxr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Import WordPress's test data, export it, import the export into an empty blog: every post, page
 * and comment arrives with the same text, status, dates, terms and threads.
 */
class WxrRoundTripTest extends FreshDatabases {

  @Test
  void importExportImportKeepsEveryPostAndComment() throws Exception {
    WxrKit first = emptyBlog();
    first.importFixture(WxrKit.THEME_DATA);
    byte[] export = first.export();

    WxrKit second = emptyBlog();
    ImportReport report = second.importBytes(export);

    assertEquals(new ImportReport.Count(58, 0), report.posts());
    assertEquals(new ImportReport.Count(21, 0), report.pages());
    assertEquals(new ImportReport.Count(33, 0), report.comments());
    assertEquals(new ImportReport.Count(68, 0), report.categories());
    assertEquals(new ImportReport.Count(114, 0), report.tags());
    assertEquals(new ImportReport.Count(2, 0), report.authors());
    assertEquals(0, report.otherItems());
    assertEquals(posts(first), posts(second));
    assertEquals(comments(first), comments(second));
    assertEquals(redirects(first), redirects(second));

    // And once more: the second blog's export imports into the second blog as "nothing new".
    assertEquals(false, second.importBytes(second.export()).changedAnything());
  }

  /**
   * WordPress ignores this blog's hidden meta ({@code _blog_markdown}, {@code _blog_source}) and
   * sees only {@code content:encoded} and {@code wp:comment_content}: without that meta the export
   * must still bring every post, comment and thread, showing the same HTML.
   */
  @Test
  void withoutTheBlogsOwnMetaTheExportStillCarriesEveryPostAndCommentAsShown() throws Exception {
    WxrKit first = emptyBlog();
    first.importFixture(WxrKit.THEME_DATA);
    String export = new String(first.export(), StandardCharsets.UTF_8);
    assertTrue(export.contains("_blog_markdown") && export.contains("_blog_source"), "sanity");
    String asWordPressSeesIt = BLOG_META.matcher(export).replaceAll("");
    assertFalse(asWordPressSeesIt.contains("<![CDATA[_blog_"), "every _blog_ meta is gone");

    WxrKit second = emptyBlog();
    ImportReport report = second.importBytes(asWordPressSeesIt.getBytes(StandardCharsets.UTF_8));
    assertEquals(new ImportReport.Count(58, 0), report.posts());
    assertEquals(new ImportReport.Count(21, 0), report.pages());
    assertEquals(new ImportReport.Count(33, 0), report.comments());
    assertSameEntries(shownPosts(first), shownPosts(second));
    assertSameEntries(shownComments(first), shownComments(second));
  }

  /** Equal maps, or a failure naming each entry that differs and where. */
  private static void assertSameEntries(Map<String, String> expected, Map<String, String> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    List<String> differences = new java.util.ArrayList<>();
    for (Map.Entry<String, String> e : expected.entrySet()) {
      String want = e.getValue();
      String got = actual.get(e.getKey());
      if (!want.equals(got)) {
        int at = 0;
        while (at < Math.min(want.length(), got.length()) && want.charAt(at) == got.charAt(at)) {
          at++;
        }
        int from = Math.max(0, at - 80);
        differences.add(
            e.getKey()
                + " at "
                + at
                + ":\n  was  "
                + want.substring(from, Math.min(want.length(), at + 120))
                + "\n  now  "
                + got.substring(from, Math.min(got.length(), at + 120)));
      }
    }
    assertTrue(
        differences.isEmpty(), differences.size() + " differ:\n" + String.join("\n", differences));
  }

  /** A postmeta or commentmeta element of this blog's own (its value may hold several CDATA). */
  private static final Pattern BLOG_META =
      Pattern.compile(
          "<wp:(post|comment)meta>\\s*<wp:meta_key><!\\[CDATA\\[_blog_\\w+]]></wp:meta_key>"
              + "\\s*<wp:meta_value>.*?</wp:meta_value>\\s*</wp:\\1meta>\\s*",
          Pattern.DOTALL);

  @Test
  void theExportIsWxr12ThatAnXmlParserReadsWithItsNamespaces() throws Exception {
    WxrKit blog = emptyBlog();
    blog.importText(WxrKit.wxr("1.2", "", WxrKit.item(1, "cdata", "CDATA", "")));
    // Text that XML cannot carry as is: a CDATA end marker, and a control character.
    String markdown = "Ends a section ]]> early, has \u0001 control & <b>markup</b>.";
    blog.jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE posts SET body_markdown = :md, body_html = :html")
                .bind("md", markdown)
                .bind("html", new blog.core.text.MarkdownRenderer().render(markdown))
                .execute());
    byte[] export = blog.export();
    String xml = new String(export, StandardCharsets.UTF_8);

    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(export));
    String wp = "http://wordpress.org/export/1.2/";
    assertEquals("1.2", doc.getElementsByTagNameNS(wp, "wxr_version").item(0).getTextContent());
    assertEquals(1, doc.getElementsByTagNameNS(wp, "post_id").getLength());
    String content =
        doc.getElementsByTagNameNS("http://purl.org/rss/1.0/modules/content/", "encoded")
            .item(0)
            .getTextContent();
    assertTrue(content.contains("Ends a section ]]&gt; early"), content);
    assertTrue(content.contains("<strong>markup</strong>") || content.contains("<b>markup</b>"));
    assertTrue(xml.contains("xmlns:wp=\"http://wordpress.org/export/1.2/\""), xml);
    assertTrue(xml.contains("xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\""));

    // The Markdown source survives the trip, "]]>" and all; only the control character, which
    // XML cannot hold, is gone.
    WxrKit again = emptyBlog();
    again.importBytes(export);
    assertEquals(markdown.replace("\u0001", ""), again.text("SELECT body_markdown FROM posts"));
  }

  private static Map<String, String> posts(WxrKit blog) {
    return bySlug(
        blog,
        "t.taxonomy || ':' || t.slug || ':' || t.name",
        (p, terms) ->
            List.of(
                p.get("post_type"),
                p.get("title"),
                p.get("body_markdown"),
                p.get("body_html"),
                p.get("excerpt"),
                p.get("status"),
                String.valueOf(p.get("status_before_trash")),
                p.get("comment_status"),
                String.valueOf(p.get("published_at")),
                p.get("username"),
                String.valueOf(p.get("parent_slug")),
                terms));
  }

  /** Posts as readers see them: everything but the Markdown source. */
  private static Map<String, String> shownPosts(WxrKit blog) {
    return bySlug(
        blog,
        "t.taxonomy || ':' || t.slug",
        (p, terms) ->
            List.of(
                p.get("post_type"),
                p.get("title"),
                asRendered((String) p.get("body_html")),
                p.get("excerpt"),
                p.get("status"),
                String.valueOf(p.get("published_at")),
                p.get("username"),
                String.valueOf(p.get("parent_slug")),
                terms));
  }

  /** Each post (with its author and parent) as {@code fields} describes it, by slug. */
  private static Map<String, String> bySlug(
      WxrKit blog,
      String termLabel,
      BiFunction<Map<String, Object>, List<String>, List<Object>> fields) {
    Map<String, String> result = new TreeMap<>();
    for (Map<String, Object> p :
        blog.rows(
            """
            SELECT p.*, u.username, parent.slug AS parent_slug
            FROM posts p JOIN users u ON u.id = p.author_id
            LEFT JOIN posts parent ON parent.id = p.parent_id
            """)) {
      long id = ((Number) p.get("id")).longValue();
      List<String> terms =
          blog.jdbi.withHandle(
              h ->
                  h.createQuery(
                          "SELECT "
                              + termLabel
                              + " FROM terms t JOIN post_terms pt ON pt.term_id = t.id"
                              + " WHERE pt.post_id = :id ORDER BY 1")
                      .bind("id", id)
                      .mapTo(String.class)
                      .list());
      result.put((String) p.get("slug"), fields.apply(p, terms).toString());
    }
    return result;
  }

  /**
   * HTML as a browser renders it: outside {@code <pre>}, a run of white space that holds a line
   * break renders as one space whatever its length, so it counts as one line break here.
   */
  static String asRendered(String html) {
    StringBuilder out = new StringBuilder();
    Matcher pre = PRE.matcher(html);
    int at = 0;
    while (pre.find()) {
      out.append(LINE_BREAKS.matcher(html.substring(at, pre.start())).replaceAll("\n"));
      out.append(pre.group());
      at = pre.end();
    }
    out.append(LINE_BREAKS.matcher(html.substring(at)).replaceAll("\n"));
    return out.toString().strip();
  }

  private static final Pattern PRE = Pattern.compile("(?is)<pre[\\s>].*?</pre>");
  private static final Pattern LINE_BREAKS = Pattern.compile("[ \\t]*\\n\\s*");

  /** Comments as readers see them: their HTML, status, author, and the comment they answer. */
  private static Map<String, String> shownComments(WxrKit blog) {
    Map<String, String> result = new TreeMap<>();
    for (Map<String, Object> c :
        blog.rows(
            """
            SELECT c.*, p.slug, parent.created_at AS parent_at, parent.author_name AS parent_name
            FROM comments c JOIN posts p ON p.id = c.post_id
            LEFT JOIN comments parent ON parent.id = c.parent_id
            """)) {
      String key = c.get("slug") + " " + c.get("created_at") + " " + c.get("author_name");
      result.put(
          key,
          List.of(
                  asRendered((String) c.get("body_html")),
                  c.get("status"),
                  String.valueOf(c.get("author_email")),
                  String.valueOf(c.get("author_url")),
                  String.valueOf(c.get("parent_at")) + " " + c.get("parent_name"))
              .toString());
    }
    assertEquals(33, result.size());
    return result;
  }

  private static Map<String, String> comments(WxrKit blog) {
    Map<String, String> result = new TreeMap<>();
    for (Map<String, Object> c :
        blog.rows(
            """
            SELECT c.*, p.slug, parent.body_source AS parent_source
            FROM comments c JOIN posts p ON p.id = c.post_id
            LEFT JOIN comments parent ON parent.id = c.parent_id
            """)) {
      String key = c.get("slug") + " " + c.get("created_at") + " " + c.get("author_name");
      result.put(
          key,
          List.of(
                  c.get("body_source"),
                  c.get("body_html"),
                  c.get("status"),
                  String.valueOf(c.get("author_email")),
                  String.valueOf(c.get("author_url")),
                  String.valueOf(c.get("client_ip")),
                  String.valueOf(c.get("approved_at")),
                  String.valueOf(c.get("parent_source")))
              .toString());
    }
    assertEquals(33, result.size(), "comments are told apart by post, time and author");
    return result;
  }

  private static Map<String, String> redirects(WxrKit blog) {
    Map<String, String> result = new TreeMap<>();
    for (Map<String, Object> r :
        blog.rows(
            "SELECT r.old_slug, p.slug FROM slug_redirects r JOIN posts p ON p.id = r.post_id")) {
      result.put((String) r.get("old_slug"), (String) r.get("slug"));
    }
    return result;
  }
}
