package blog.core.wxr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Imports WordPress's own test exports into empty blogs. Every number below was counted in the
 * files themselves (see src/test/resources/wxr/README.md).
 */
class WxrFixtureImportTest extends FreshDatabases {

  /*
   * theme-unit-test-data.xml (WXR 1.2): 186 items = 58 posts (56 publish, 1 future, 1 draft;
   * one published post is password-protected) + 21 pages (all publish) + 37 attachments + 70 menu
   * items; 33 comments on posts and pages (30 approved, 3 held; 10 replies, one chain 10 deep);
   * 2 authors; 68 categories (one declared twice, as wp:category and wp:term); 110 declared tags
   * plus 4 used by posts without a declaration; 49 posts and pages with comments closed.
   */
  @Test
  void themeUnitTestDataImportsEveryPostPageCommentAndTerm() {
    WxrKit blog = emptyBlog();
    ImportReport report = blog.importFixture(WxrKit.THEME_DATA);

    assertEquals(new ImportReport.Count(58, 0), report.posts());
    assertEquals(new ImportReport.Count(21, 0), report.pages());
    assertEquals(new ImportReport.Count(33, 0), report.comments());
    assertEquals(new ImportReport.Count(68, 0), report.categories());
    assertEquals(new ImportReport.Count(114, 0), report.tags());
    assertEquals(new ImportReport.Count(2, 0), report.authors());
    assertEquals(107, report.otherItems());

    assertEquals(58, blog.count("SELECT COUNT(*) FROM posts WHERE post_type = 'post'"));
    assertEquals(21, blog.count("SELECT COUNT(*) FROM posts WHERE post_type = 'page'"));
    assertEquals(
        55,
        blog.count("SELECT COUNT(*) FROM posts WHERE post_type = 'post' AND status = 'published'"));
    assertEquals(
        1,
        blog.count("SELECT COUNT(*) FROM posts WHERE post_type = 'post' AND status = 'scheduled'"));
    assertEquals(
        2, blog.count("SELECT COUNT(*) FROM posts WHERE post_type = 'post' AND status = 'draft'"));
    assertEquals(
        21,
        blog.count("SELECT COUNT(*) FROM posts WHERE post_type = 'page' AND status = 'published'"));
    assertEquals(49, blog.count("SELECT COUNT(*) FROM posts WHERE comment_status = 'closed'"));
    assertEquals(33, blog.count("SELECT COUNT(*) FROM comments"));
    assertEquals(30, blog.count("SELECT COUNT(*) FROM comments WHERE status = 'approved'"));
    assertEquals(3, blog.count("SELECT COUNT(*) FROM comments WHERE status = 'pending'"));
    assertEquals(10, blog.count("SELECT COUNT(*) FROM comments WHERE parent_id IS NOT NULL"));
    assertEquals(68, blog.count("SELECT COUNT(*) FROM terms WHERE taxonomy = 'category'"));
    assertEquals(114, blog.count("SELECT COUNT(*) FROM terms WHERE taxonomy = 'tag'"));
    assertEquals(2, blog.count("SELECT COUNT(*) FROM users"));
    assertEquals(79, blog.count("SELECT COUNT(*) FROM wxr_posts"));
    assertEquals(33, blog.count("SELECT COUNT(*) FROM wxr_comments"));
  }

  @Test
  void commentsKeepTheirThreadsApprovalAndAuthors() {
    WxrKit blog = emptyBlog();
    blog.importFixture(WxrKit.THEME_DATA);

    // "Comment Depth 10" answers 09, which answers 08 … down to 01, which answers nobody.
    List<String> chain = new ArrayList<>();
    Long id = blog.count("SELECT id FROM comments WHERE body_source LIKE 'Comment Depth 10%'");
    while (id != null) {
      Map<String, Object> row = blog.rows("SELECT * FROM comments WHERE id = " + id).get(0);
      chain.add(((String) row.get("body_source")).substring(0, 16));
      id = row.get("parent_id") == null ? null : ((Number) row.get("parent_id")).longValue();
    }
    List<String> expected = new ArrayList<>();
    for (int depth = 10; depth >= 1; depth--) {
      expected.add(String.format("Comment Depth %02d", depth));
    }
    assertEquals(expected, chain);

    // A held reply on a page, under "Contributor comment.".
    Map<String, Object> held =
        blog.rows("SELECT * FROM comments WHERE body_source = 'nothing useful to say'").get(0);
    assertEquals("pending", held.get("status"));
    assertEquals("themereviewteam", held.get("author_name"));
    assertEquals("themereviewteam@gmail.com", held.get("author_email"));
    assertTrue(((String) held.get("held_reason")).contains("awaited moderation"));
    assertEquals(
        "Contributor comment.",
        blog.text(
            "SELECT body_source FROM comments WHERE id = "
                + ((Number) held.get("parent_id")).longValue()));
    assertEquals(
        "page-with-comments",
        blog.text(
            "SELECT p.slug FROM posts p JOIN comments c ON c.post_id = p.id"
                + " WHERE c.body_source = 'nothing useful to say'"));

    Map<String, Object> greek =
        blog.rows("SELECT * FROM comments WHERE author_name = 'John Γιάννης Doe Κάποιος'").get(0);
    assertEquals("example@example.org", greek.get("author_email"));
    assertEquals("http://example.org/", greek.get("author_url"));
    assertEquals("approved", greek.get("status"));
    assertEquals(Instant.parse("2012-09-03T17:18:04Z"), instant(greek.get("created_at")));
    assertEquals(Instant.parse("2012-09-03T17:18:04Z"), instant(greek.get("approved_at")));
    // Its HTML became the text commenters write here, shown by the comment renderer.
    assertTrue(((String) greek.get("body_source")).startsWith("**Headings**"));
    assertTrue(((String) greek.get("body_html")).contains("<strong>Headings</strong>"));
    assertFalse(((String) greek.get("body_html")).contains("<h1"));

    // Trackback authors are written with entities in WordPress; here they are plain text.
    assertEquals(
        1,
        blog.count(
            "SELECT COUNT(*) FROM comments WHERE author_name = 'Ping 1 « What’s a tellyworth?'"));
  }

  @Test
  void postsKeepStatusDatesSlugsAndTheirOldAddresses() {
    WxrKit blog = emptyBlog();
    blog.importFixture(WxrKit.THEME_DATA);

    Map<String, Object> post =
        blog.rows("SELECT * FROM posts WHERE slug = 'keyboard-navigation'").get(0);
    assertEquals("published", post.get("status"));
    assertEquals("post", post.get("post_type"));
    assertEquals(Instant.parse("2018-10-21T03:03:48Z"), instant(post.get("published_at")));
    assertEquals("Keyboard navigation", post.get("title"));
    assertEquals(
        "themereviewteam",
        blog.text(
            "SELECT u.username FROM users u JOIN posts p ON p.author_id = u.id"
                + " WHERE p.slug = 'keyboard-navigation'"));

    Map<String, Object> scheduled =
        blog.rows("SELECT * FROM posts WHERE slug = 'scheduled'").get(0);
    assertEquals("scheduled", scheduled.get("status"));
    assertEquals(Instant.parse("2030-01-01T19:00:18Z"), instant(scheduled.get("published_at")));

    // A draft without a slug gets one from its title; it keeps the date WordPress gave it.
    Map<String, Object> draft = blog.rows("SELECT * FROM posts WHERE slug = 'draft'").get(0);
    assertEquals("draft", draft.get("status"));
    assertEquals(Instant.parse("2013-04-09T18:20:39Z"), instant(draft.get("published_at")));

    assertEquals(
        "draft", blog.text("SELECT status FROM posts WHERE slug = 'template-password-protected'"));

    Map<String, Object> excerpt =
        blog.rows("SELECT * FROM posts WHERE slug = 'template-excerpt-defined'").get(0);
    assertTrue(((String) excerpt.get("excerpt")).startsWith("This is a user-defined post excer"));
    assertEquals(
        "Markup: Title With Markup",
        blog.text("SELECT title FROM posts WHERE slug = 'markup-title-with-markup'"));

    // Categories and tags as WordPress had them on the post.
    assertEquals(
        List.of("aciform", "sub"),
        blog.jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT t.slug FROM terms t JOIN post_terms pt ON pt.term_id = t.id"
                            + " JOIN posts p ON p.id = pt.post_id"
                            + " WHERE p.slug = 'edge-case-many-categories' AND t.slug IN"
                            + " ('aciform', 'sub') ORDER BY t.slug")
                    .mapTo(String.class)
                    .list()));

    // A Greek slug becomes an ASCII one; the old one (as WordPress linked it) leads there.
    Map<String, Object> greek = blog.rows("SELECT * FROM posts WHERE slug = 'page-1811'").get(0);
    assertEquals("page", greek.get("post_type"));
    assertEquals(
        ((Number) greek.get("id")).longValue(),
        blog.count("SELECT post_id FROM slug_redirects WHERE old_slug = 'επίπεδο-2'"));
    assertEquals(
        blog.count("SELECT id FROM posts WHERE slug = 'greek'"),
        ((Number) greek.get("parent_id")).longValue());
    // Nested pages keep their parents, whatever order the file had them in.
    assertEquals(
        blog.count("SELECT id FROM posts WHERE slug = 'level-2'"),
        blog.count("SELECT parent_id FROM posts WHERE slug = 'level-3'"));
    // The link WordPress gave the post differs from its slug: that address leads to it too.
    assertEquals(
        blog.count("SELECT id FROM posts WHERE slug = 'blocks-formatting'"),
        blog.count(
            "SELECT post_id FROM slug_redirects WHERE old_slug = 'block-category-formatting'"));
  }

  /*
   * small-export.xml (WXR 1.1): 11 items = 6 posts (5 publish, 1 private) + 5 pages (4 publish,
   * 1 draft); 1 approved comment; 3 authors; 30 categories; 3 tags.
   * valid-wxr-1.1.xml: 1 post, 1 page, 1 comment, 1 author, 1 category, 1 tag (and a term of a
   * custom taxonomy, which has no place here).
   */
  @Test
  void theImportersOwnTestExportsImportCompletely() {
    WxrKit small = emptyBlog();
    ImportReport report = small.importFixture(WxrKit.SMALL_EXPORT);
    assertEquals(new ImportReport.Count(6, 0), report.posts());
    assertEquals(new ImportReport.Count(5, 0), report.pages());
    assertEquals(new ImportReport.Count(1, 0), report.comments());
    assertEquals(new ImportReport.Count(3, 0), report.authors());
    assertEquals(new ImportReport.Count(30, 0), report.categories());
    assertEquals(new ImportReport.Count(3, 0), report.tags());
    assertEquals(0, report.otherItems());
    assertEquals(
        2, small.count("SELECT COUNT(*) FROM posts WHERE status = 'draft'"), "private + draft");
    assertTrue(report.notes().stream().anyMatch(n -> n.contains("was private in WordPress")));
    assertEquals("editor", small.text("SELECT display_name FROM users WHERE username = 'editor'"));

    WxrKit valid = emptyBlog();
    ImportReport v = valid.importFixture(WxrKit.VALID_1_1);
    assertEquals(new ImportReport.Count(1, 0), v.posts());
    assertEquals(new ImportReport.Count(1, 0), v.pages());
    assertEquals(new ImportReport.Count(1, 0), v.comments());
    assertEquals(new ImportReport.Count(1, 0), v.authors());
    assertEquals(new ImportReport.Count(1, 0), v.categories());
    assertEquals(new ImportReport.Count(1, 0), v.tags());
    assertEquals("John Doe", valid.text("SELECT display_name FROM users WHERE username = 'john'"));
  }

  @Test
  void importingTheSameFileAgainChangesNothing() {
    WxrKit blog = emptyBlog();
    blog.importFixture(WxrKit.THEME_DATA);
    Map<String, String> before = blog.fingerprint();

    ImportReport again = blog.importFixture(WxrKit.THEME_DATA);

    assertFalse(again.changedAnything(), again.lines().toString());
    assertEquals(new ImportReport.Count(0, 58), again.posts());
    assertEquals(new ImportReport.Count(0, 21), again.pages());
    assertEquals(new ImportReport.Count(0, 33), again.comments());
    assertEquals(new ImportReport.Count(0, 68), again.categories());
    assertEquals(new ImportReport.Count(0, 110), again.tags(), "the declared tags");
    assertEquals(new ImportReport.Count(0, 2), again.authors());
    assertEquals(before, blog.fingerprint());
  }

  @Test
  void progressIsReportedItemByItemToTheEndOfTheFile() {
    WxrKit blog = emptyBlog();
    byte[] file = WxrKit.fixture(WxrKit.THEME_DATA);
    List<long[]> updates = new ArrayList<>();
    blog.importer.importFrom(
        new ByteArrayInputStream(file),
        file.length,
        (read, total, items) -> updates.add(new long[] {read, total, items}));

    assertEquals(186, updates.size());
    assertEquals(186, updates.get(updates.size() - 1)[2]);
    for (int i = 1; i < updates.size(); i++) {
      assertTrue(updates.get(i)[0] >= updates.get(i - 1)[0], "bytes read only grow");
      assertEquals(file.length, updates.get(i)[1]);
    }
    assertTrue(updates.get(updates.size() - 1)[0] > file.length * 9 / 10);
  }

  private static Instant instant(Object value) {
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    return Instant.parse(String.valueOf(value));
  }
}
