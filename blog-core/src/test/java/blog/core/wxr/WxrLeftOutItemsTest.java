package blog.core.wxr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A well-formed export with an odd item in it imports every other item, as WordPress does, and the
 * report names what it left out and why; a file that is not well-formed still imports nothing.
 */
class WxrLeftOutItemsTest extends FreshDatabases {

  @Test
  void anItemWithoutPostIdIsLeftOutAndTheOthersImported() {
    WxrKit blog = emptyBlog();
    String odd = WxrKit.item(2, "odd", "No &amp; id", "").replace("<wp:post_id>2</wp:post_id>", "");
    ImportReport report =
        blog.importText(
            WxrKit.wxr(
                "1.2",
                "",
                WxrKit.item(1, "first", "First", "") + odd + WxrKit.item(3, "third", "Third", "")));

    assertEquals(new ImportReport.Count(2, 0), report.posts());
    assertEquals(2, blog.count("SELECT COUNT(*) FROM posts"));
    assertEquals(
        List.of(new ImportReport.LeftOut("No & id", "not imported: it has no <wp:post_id>")),
        report.leftOut());
    assertTrue(
        report.lines().contains("Could not be imported (listed below): 1"),
        report.lines().toString());
    assertEquals(
        List.of("\"No & id\": not imported: it has no <wp:post_id>"), report.leftOutLines());
  }

  @Test
  void anItemInAForeignNamespaceOrWithANonNumericIdIsNamedWithItsReason() {
    WxrKit blog = emptyBlog();
    String foreign =
        WxrKit.item(2, "foreign", "Foreign", "")
            .replace("<item>", "<item xmlns:wp=\"http://example.com/not-wordpress/\">");
    String wordy =
        WxrKit.item(3, "wordy", "Wordy", "").replace("<wp:post_id>3</", "<wp:post_id>three</");
    ImportReport report =
        blog.importText(
            WxrKit.wxr("1.2", "", foreign + wordy + WxrKit.item(4, "fine", "Fine", "")));

    assertEquals(new ImportReport.Count(1, 0), report.posts());
    assertEquals("fine", blog.text("SELECT slug FROM posts"));
    assertEquals(2, report.leftOut().size(), report.leftOut().toString());
    assertEquals("Foreign", report.leftOut().get(0).title());
    assertEquals(
        "not imported: its post_id is in the namespace http://example.com/not-wordpress/,"
            + " not WordPress's",
        report.leftOut().get(0).reason());
    assertEquals("Wordy", report.leftOut().get(1).title());
    assertTrue(
        report
            .leftOut()
            .get(1)
            .reason()
            .startsWith("not imported: its <wp:post_id> is not a number: \"three\""),
        report.leftOut().get(1).reason());
  }

  @Test
  void aCommentWithoutIdIsLeftOutAndItsPostAndTheOtherCommentsImported() {
    WxrKit blog = emptyBlog();
    String comments =
        comment("<wp:comment_id>7</wp:comment_id>", "Kept")
            + comment("", "Lost")
            + comment("<wp:comment_id>8</wp:comment_id>", "Kept too");
    ImportReport report =
        blog.importText(WxrKit.wxr("1.2", "", WxrKit.item(1, "post", "Post", comments)));

    assertEquals(new ImportReport.Count(1, 0), report.posts());
    assertEquals(new ImportReport.Count(2, 0), report.comments());
    assertEquals(
        List.of(
            new ImportReport.LeftOut("Post", "a comment without a <wp:comment_id> not imported")),
        report.leftOut());
  }

  @Test
  void aFileThatIsNotWellFormedStillImportsNothing() {
    WxrKit blog = emptyBlog();
    String odd = WxrKit.item(2, "odd", "Odd", "").replace("<wp:post_id>2</wp:post_id>", "");
    String broken =
        WxrKit.wxr("1.2", "", WxrKit.item(1, "first", "First", "") + odd + "<item><title>cut");
    assertThrows(WxrException.class, () -> blog.importText(broken));
    assertEquals(0, blog.count("SELECT COUNT(*) FROM posts"));
  }

  private static String comment(String id, String text) {
    return """
        <wp:comment>
          %s
          <wp:comment_author><![CDATA[Someone]]></wp:comment_author>
          <wp:comment_date>2020-05-02 10:00:00</wp:comment_date>
          <wp:comment_date_gmt>2020-05-02 08:00:00</wp:comment_date_gmt>
          <wp:comment_content><![CDATA[%s]]></wp:comment_content>
          <wp:comment_approved>1</wp:comment_approved>
          <wp:comment_parent>0</wp:comment_parent>
        </wp:comment>
        """
        .formatted(id, text);
  }
}
