package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.post.PostStatus;
import blog.web.testing.StaffBrowsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The screens around the journeys, each checked as the journeys check theirs (valid HTML, the
 * policy, no serious accessibility problem): the not-found page, comment pages, search, a refused
 * comment with its messages, a commenter editing their own comment, and the admin's settings,
 * import screen, comment editor and post lists.
 */
class MoreScreensTest extends BrowserTestBase {
  private User admin;
  private String permalink;
  private long comment;

  @Override
  protected void prepare() {
    settings()
        .putAll(
            Map.of(
                DiscussionSettings.PAGE_COMMENTS, "true",
                DiscussionSettings.COMMENTS_PER_PAGE, "1",
                DiscussionSettings.MODERATION, "none"));
    admin = new StaffBrowsers(db.database().jdbi(), server).account(Role.ADMIN, "Sam Settings");
    Instant at = Instant.now().minus(1, ChronoUnit.DAYS);
    long post =
        fixtures.post(
            fixtures.author("Ed Itor"),
            "Screens",
            PostStatus.PUBLISHED,
            at,
            List.of("Screens"),
            List.of("checked"));
    permalink = permalinkOf(post);
    comment = fixtures.comment(post, null, "Connie", "A comment to moderate and page.", at);
  }

  @Test
  void theNotFoundPage() {
    open("/no/such/page/");
    checkPageAndAccessibility("not found");
    assertEquals("Oops! That page can’t be found.", find("h1").getText());
  }

  @Test
  void commentPagesAndArchives() {
    open(ReaderJourneyTest.SEED);
    checkPage("post, first page of comments");
    find(".comment-navigation .next").click();
    waitUntil(d -> currentPath().endsWith("/comment-page-2/"));
    checkPageAndAccessibility("post, second page of comments");
    open("/tag/checked/");
    checkPage("tag archive");
    open("/2011/");
    checkPage("year archive");
  }

  @Test
  void aReaderSearches() {
    open("/");
    type("#search-field", "social networking");
    find(".search-submit").click();
    waitUntil(d -> currentPath().startsWith("/?s="));
    checkPageAndAccessibility("search results");
    assertTrue(
        find("main").getText().contains("Why quality social networking"), find("main").getText());
    open("/?s=nothing+matches+this+at+all");
    checkPage("search without results");
  }

  @Test
  void aRefusedCommentShowsWhy() {
    // The browser itself stops a form without its required fields; the server refuses the rest,
    // here a comment said twice.
    forgetEveryone();
    open(permalink);
    for (int i = 0; i < 2; i++) {
      type("#comment", "Saying this twice.");
      type("#author", "Rita Repeat");
      type("#email", "rita@example.org");
      find("#submit").click();
      if (i == 0) {
        waitUntil(d -> find("#comment").getAttribute("value").isEmpty());
      }
    }
    // The refusal comes back as the form, in place, with the text kept and the reason shown.
    waitUntil(d -> find("#respond").getText().contains("already said that"));
    assertEquals("Saying this twice.", find("#comment").getAttribute("value"));
    checkPage("post with a refused comment");
    checkAccessibility("post with a refused comment");
  }

  @Test
  void aCommenterEditsTheirOwnComment() {
    forgetEveryone();
    open(permalink);
    type("#comment", "Wrtten in a hurry.");
    type("#author", "Oona Own");
    type("#email", "oona@example.org");
    find("#submit").click();
    waitUntil(d -> !findAll(".comment-edit-link").isEmpty());
    find(".comment-edit-link").click();
    waitUntil(d -> !findAll(".comment-edit-form textarea").isEmpty());
    checkPageAndAccessibility("post with the own comment's edit form");
    type(".comment-edit-form textarea", "Written in a hurry, corrected.");
    find(".comment-edit-form button[type=submit]").click();
    waitUntil(d -> findAll(".comment-edit-form").isEmpty());
    assertTrue(find(".comment-list").getText().contains("Written in a hurry, corrected."));
    checkPage("post after editing the own comment");
  }

  @Test
  void theAdminsOtherScreens() {
    forgetEveryone();
    open("/admin/login");
    type("#username", admin.username());
    type("#password", "not the password");
    find(".admin-login button[type=submit]").click();
    waitUntil(d -> !findAll(".admin-login .form-error").isEmpty());
    checkAnswerToPost("refused log-in", ".admin-login form", "next", "/admin");
    checkAccessibility("refused log-in");

    logInToAdmin(admin.username(), StaffBrowsers.PASSWORD);
    link("Settings").click();
    waitForPath("/admin/settings");
    checkPageAndAccessibility("settings");
    type("#postsPerPage", "0");
    find(".settings-form button[type=submit]").click();
    waitUntil(d -> !findAll(".settings-form .field-error").isEmpty());
    checkAnswerToPost("settings refused", ".settings-form", "unused", "");
    checkAccessibility("settings refused");

    open("/admin/import");
    checkPageAndAccessibility("WordPress import");
    importWithTheScreensScript();

    open("/admin/comments/" + comment + "/edit");
    checkPageAndAccessibility("comment editor");

    open("/admin/posts?status=draft");
    checkPage("drafts");
    open("/admin/posts?s=Screens");
    checkPage("posts found by title");
    open("/admin/comments?status=spam");
    checkPageAndAccessibility("empty spam queue");
  }

  /**
   * The import screen's script uploads the file, shows the upload's and then the import's progress
   * in the progress bar, and puts the report in place of the form's page without leaving it.
   */
  private void importWithTheScreensScript() {
    Path file;
    try {
      file = Files.createTempFile("wordpress-export", ".xml");
      Files.writeString(file, SMALL_EXPORT, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      // Everything the status line says, in order (the test's own script, not the page's).
      js(
          "window.__importPageStayed = true; window.__importSaid = [];"
              + "const status = document.getElementById('import-status');"
              + "new MutationObserver(() => window.__importSaid.push(status.textContent))"
              + "  .observe(status, {childList: true, characterData: true, subtree: true});");
      find("#wxr-file").sendKeys(file.toString());
      find(".import-form button[type=submit]").click();
      WebElement heading =
          waitUntil(d -> findAll("#import-report").stream().findFirst().orElse(null));
      assertEquals(Boolean.TRUE, js("return window.__importPageStayed === true"), "no reload");
      assertEquals("/admin/import", currentPath());
      List<?> said = (List<?>) js("return window.__importSaid");
      assertTrue(!said.isEmpty() && said.get(0).equals("Uploading…"), said.toString());
      assertEquals("Import finished: 2 items read.", find("#import-status").getText());
      WebElement bar = find("#import-bar");
      assertEquals(bar.getAttribute("max"), bar.getAttribute("value"), "a full bar");
      assertTrue(find("main").getText().contains("Posts: 2 created, 0 already there"));
      assertEquals(heading, focused(), "the report takes the focus, so it is read out");
      checkPageAndAccessibility("WordPress import with its report, shown by the script");
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temporary file left behind is harmless
      }
    }
  }

  private static final String SMALL_EXPORT =
      """
      <?xml version="1.0" encoding="UTF-8" ?>
      <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
           xmlns:content="http://purl.org/rss/1.0/modules/content/"
           xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
      <channel>
        <title>Imported blog</title>
        <link>http://example.org</link>
        <wp:wxr_version>1.2</wp:wxr_version>
        <wp:base_site_url>http://example.org</wp:base_site_url>
        <wp:base_blog_url>http://example.org</wp:base_blog_url>
        <item>
          <title>Imported by script one</title>
          <dc:creator><![CDATA[admin]]></dc:creator>
          <content:encoded><![CDATA[First imported post.]]></content:encoded>
          <wp:post_id>7001</wp:post_id>
          <wp:post_date>2020-05-01 10:00:00</wp:post_date>
          <wp:post_date_gmt>2020-05-01 08:00:00</wp:post_date_gmt>
          <wp:comment_status>open</wp:comment_status>
          <wp:post_parent>0</wp:post_parent>
          <wp:post_name>imported-by-script-one</wp:post_name>
          <wp:status>publish</wp:status>
          <wp:post_type>post</wp:post_type>
        </item>
        <item>
          <title>Imported by script two</title>
          <dc:creator><![CDATA[admin]]></dc:creator>
          <content:encoded><![CDATA[Second imported post.]]></content:encoded>
          <wp:post_id>7002</wp:post_id>
          <wp:post_date>2020-05-02 10:00:00</wp:post_date>
          <wp:post_date_gmt>2020-05-02 08:00:00</wp:post_date_gmt>
          <wp:comment_status>open</wp:comment_status>
          <wp:post_parent>0</wp:post_parent>
          <wp:post_name>imported-by-script-two</wp:post_name>
          <wp:status>publish</wp:status>
          <wp:post_type>post</wp:post_type>
        </item>
      </channel>
      </rss>
      """;
}
