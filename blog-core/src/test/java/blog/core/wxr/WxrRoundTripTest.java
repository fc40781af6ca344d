package blog.core.wxr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
                          "SELECT t.taxonomy || ':' || t.slug || ':' || t.name FROM terms t"
                              + " JOIN post_terms pt ON pt.term_id = t.id WHERE pt.post_id = :id"
                              + " ORDER BY 1")
                      .bind("id", id)
                      .mapTo(String.class)
                      .list());
      result.put(
          (String) p.get("slug"),
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
                  terms)
              .toString());
    }
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
