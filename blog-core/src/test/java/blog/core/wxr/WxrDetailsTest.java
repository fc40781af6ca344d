package blog.core.wxr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.PostStatus;
import blog.core.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The finer points, on a WXR 1.0 file written for the purpose. */
class WxrDetailsTest extends FreshDatabases {

  private static String comment(long id, String approved, long parent, String extra) {
    return """
        <wp:comment>
          <wp:comment_id>%d</wp:comment_id>
          <wp:comment_author><![CDATA[Ann &amp; Bob]]></wp:comment_author>
          <wp:comment_author_email>ann@example.org</wp:comment_author_email>
          <wp:comment_author_url>http://ann.example.org/</wp:comment_author_url>
          <wp:comment_author_IP>192.0.2.7</wp:comment_author_IP>
          <wp:comment_date>2020-05-02 10:00:0%d</wp:comment_date>
          <wp:comment_date_gmt>2020-05-02 08:00:0%d</wp:comment_date_gmt>
          <wp:comment_content><![CDATA[Comment %d with <a href="https://example.org/x">a link</a> and <em>style</em>.
        Second line.]]></wp:comment_content>
          <wp:comment_approved>%s</wp:comment_approved>
          <wp:comment_type></wp:comment_type>
          <wp:comment_parent>%d</wp:comment_parent>
          <wp:comment_user_id>0</wp:comment_user_id>
          %s
        </wp:comment>
        """
        .formatted(id, id % 10, id % 10, id, approved, parent, extra);
  }

  @Test
  void commentsKeepStatusAuthorDetailsAndBecomeCommentText() {
    WxrKit blog = emptyBlog();
    String comments =
        comment(1, "1", 0, "")
            + comment(2, "0", 1, "")
            + comment(3, "spam", 0, "")
            + comment(4, "trash", 0, "")
            + comment(5, "1", 0, "")
                .replace("http://ann.example.org/", "javascript:alert(1)")
                .replace("192.0.2.7", "not an address");
    ImportReport report =
        blog.importText(WxrKit.wxr("1.0", "", WxrKit.item(7, "talk", "Tom &amp; Jerry", comments)));

    assertEquals(new ImportReport.Count(5, 0), report.comments());
    assertEquals("Tom & Jerry", blog.text("SELECT title FROM posts"));
    Map<String, Object> first = blog.rows("SELECT * FROM comments ORDER BY id").get(0);
    assertEquals("Ann & Bob", first.get("author_name"));
    assertEquals("ann@example.org", first.get("author_email"));
    assertEquals("http://ann.example.org/", first.get("author_url"));
    assertEquals("192.0.2.7", first.get("client_ip"));
    assertEquals(
        "Comment 1 with [a link](<https://example.org/x>) and *style*.\nSecond line.",
        first.get("body_source"));
    String html = (String) first.get("body_html");
    assertTrue(
        html.contains("<a href=\"https://example.org/x\" rel=\"nofollow ugc noopener\">"), html);
    assertTrue(html.contains("<em>style</em>.<br />"), html);
    assertEquals(
        java.util.List.of("approved", "pending", "spam", "trash", "approved"),
        blog.jdbi.withHandle(
            h ->
                h.createQuery("SELECT status FROM comments ORDER BY id")
                    .mapTo(String.class)
                    .list()));
    Map<String, Object> last = blog.rows("SELECT * FROM comments ORDER BY id").get(4);
    assertNull(last.get("author_url"), "only web addresses are kept");
    assertNull(last.get("client_ip"));
    assertEquals(
        first.get("id"), blog.rows("SELECT * FROM comments ORDER BY id").get(1).get("parent_id"));
  }

  @Test
  void aNewerExportAddsOnlyWhatIsNewAndThreadsItUnderEarlierComments() {
    WxrKit blog = emptyBlog();
    blog.importText(WxrKit.wxr("1.0", "", WxrKit.item(7, "talk", "Talk", comment(1, "1", 0, ""))));
    ImportReport newer =
        blog.importText(
            WxrKit.wxr(
                "1.0",
                "",
                WxrKit.item(7, "talk", "Talk", comment(1, "1", 0, "") + comment(2, "1", 1, ""))
                    + WxrKit.item(8, "later", "Later", "")));

    assertEquals(new ImportReport.Count(1, 1), newer.posts());
    assertEquals(new ImportReport.Count(1, 1), newer.comments());
    long parent = blog.count("SELECT id FROM comments WHERE body_source LIKE 'Comment 1 %'");
    assertEquals(
        parent, blog.count("SELECT parent_id FROM comments WHERE body_source LIKE 'Comment 2 %'"));
  }

  @Test
  void statusesSlugsAndAuthorsMeetWhatIsAlreadyHere() {
    WxrKit blog = emptyBlog();
    Fixtures fixtures = new Fixtures(blog.jdbi);
    long local = fixtures.author("Local");
    blog.jdbi.useHandle(h -> h.execute("UPDATE users SET username = 'admin' WHERE id = " + local));
    long existing = fixtures.post(local, "Mine", PostStatus.PUBLISHED, WxrKit.NOW);
    blog.jdbi.useHandle(h -> h.execute("UPDATE posts SET slug = 'taken' WHERE id = " + existing));
    String authors =
        """
        <wp:author><wp:author_login>admin</wp:author_login><wp:author_email>a@example.org</wp:author_email>
        <wp:author_display_name><![CDATA[Admin]]></wp:author_display_name></wp:author>
        """;
    String items =
        WxrKit.item(1, "taken", "Clash", "")
            + WxrKit.item(
                    2,
                    "binned",
                    "Binned",
                    "<wp:postmeta><wp:meta_key>_wp_trash_meta_status</wp:meta_key>"
                        + "<wp:meta_value>publish</wp:meta_value></wp:postmeta>"
                        + "<wp:postmeta><wp:meta_key>_wp_old_slug</wp:meta_key>"
                        + "<wp:meta_value>first-name</wp:meta_value></wp:postmeta>")
                .replace("<wp:status>publish</wp:status>", "<wp:status>trash</wp:status>")
            + WxrKit.item(3, "secret", "Secret", "")
                .replace("<wp:status>publish</wp:status>", "<wp:status>private</wp:status>")
            + WxrKit.item(4, "menu", "Menu", "")
                .replace(
                    "<wp:post_type>post</wp:post_type>",
                    "<wp:post_type>nav_menu_item</wp:post_type>");

    ImportReport report = blog.importText(WxrKit.wxr("1.0", authors, items));

    assertEquals(new ImportReport.Count(0, 1), report.authors(), "admin is the local admin");
    assertEquals(new ImportReport.Count(3, 0), report.posts());
    assertEquals(1, report.otherItems());
    assertEquals(local, blog.count("SELECT author_id FROM posts WHERE slug = 'taken-2'"));
    assertTrue(
        report.notes().stream().anyMatch(n -> n.contains("its slug taken was taken")),
        report.notes().toString());
    Map<String, Object> binned = blog.rows("SELECT * FROM posts WHERE slug = 'binned'").get(0);
    assertEquals("trash", binned.get("status"));
    assertEquals("published", binned.get("status_before_trash"));
    assertEquals(
        ((Number) binned.get("id")).longValue(),
        blog.count("SELECT post_id FROM slug_redirects WHERE old_slug = 'first-name'"));
    assertEquals("draft", blog.text("SELECT status FROM posts WHERE slug = 'secret'"));
  }
}
