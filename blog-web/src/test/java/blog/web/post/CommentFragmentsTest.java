package blog.web.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentStatus;
import blog.core.comment.DiscussionSettings;
import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.site.SiteSettings;
import blog.core.testing.Fixtures;
import blog.core.testing.MutableClock;
import blog.web.testing.Browser;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Comments' and posts' articles are kept as rendered and shared by every reader (with the page
 * cache off here, so every answer is a render): whatever changes what one shows is on the next
 * page, and nothing one reader sees as theirs (edit and delete buttons, tokens, staff links)
 * reaches another.
 */
class CommentFragmentsTest extends WebTestBase {
  private final MutableClock clock = new MutableClock(TestServer.NOW);
  private final Path folder;
  private final Path theme;
  private SettingsRepository settings;
  private StaffBrowsers staff;

  CommentFragmentsTest() throws IOException {
    folder = Files.createTempDirectory("fragments-test");
    theme = Files.createDirectories(folder.resolve("theme").resolve("templates"));
  }

  @Override
  protected Clock clock() {
    return clock;
  }

  @Override
  protected Map<String, String> config() {
    return Map.of("page-cache.max-bytes", "0", "theme.dir", theme.getParent().toString());
  }

  @Override
  protected void prepare() {
    settings = new SettingsRepository(db.database().jdbi());
    staff = new StaffBrowsers(db.database().jdbi(), server);
  }

  @BeforeEach
  void rules() {
    settings.putAll(
        Map.of(
            DiscussionSettings.MODERATION, "none",
            DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0",
            DiscussionSettings.FLOOD_SECONDS, "0",
            DiscussionSettings.EDIT_WINDOW_MINUTES, "15",
            DiscussionSettings.THREAD_DEPTH, "5",
            DiscussionSettings.AVATARS, "identicon",
            SiteSettings.DATE_FORMAT, "MMMM d, yyyy"));
  }

  @AfterAll
  void removeTheme() throws IOException {
    try (var files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private String stranger(String permalink) {
    return new Browser(server).page(permalink);
  }

  @Test
  void anEditedCommentShowsItsNewTextToEveryReaderOnTheNextPage() {
    String permalink = publishedPost("Edited");
    Browser oona = new Browser(server);
    long id = oona.comment(permalink, "Teh first version.");
    assertTrue(stranger(permalink).contains("Teh first version."), "kept for strangers now");

    String editPage = oona.page(permalink + "?editcomment=" + id);
    Map<String, String> edit = new HashMap<>();
    edit.put("comment_id", Long.toString(id));
    edit.put("comment", "The *second* version.");
    edit.put("_csrf", Browser.replyForm(editPage).get("_csrf"));
    assertEquals(303, oona.post("/comments/edit", edit).statusCode());

    for (String page : new String[] {stranger(permalink), oona.page(permalink)}) {
      assertTrue(page.contains("The <em>second</em> version."), page);
      assertFalse(page.contains("Teh first version."));
      assertTrue(page.contains("(edited)"));
    }
  }

  @Test
  void approvedUnapprovedSpammedAndTrashedCommentsShowAsTheyAreNow() {
    User author = staff.account(Role.AUTHOR, Fixtures.unique("Moderating author"));
    Browser moderator = staff.loggedIn(author);
    long post =
        fixtures.post(
            author.id(),
            Fixtures.unique("Moderated"),
            PostStatus.PUBLISHED,
            TestServer.NOW.minusSeconds(7200));
    String permalink = permalinkOf(post);
    String words = Fixtures.unique("Moderated words");
    long id =
        fixtures.comment(
            post, null, "Gus", words, TestServer.NOW.minusSeconds(60), CommentStatus.PENDING);
    assertFalse(stranger(permalink).contains(words), "held: nobody sees it");

    String[][] steps = {
      {"approve", "pending", "shown"},
      {"unapprove", "approved", "hidden"},
      {"approve", "pending", "shown"},
      {"spam", "approved", "hidden"},
      {"restore", "spam", "shown"},
      {"trash", "all", "hidden"},
      {"restore", "trash", "shown"},
    };
    for (String[] step : steps) {
      String queue = moderator.page("/admin/comments?status=" + step[1]);
      HttpResponse<String> done =
          moderator.post(
              "/admin/comments/" + id + "/moderate",
              Map.of(
                  "action",
                  step[0],
                  "status",
                  step[1],
                  "_csrf",
                  StaffBrowsers.hidden(queue, "_csrf")));
      assertEquals(303, done.statusCode(), step[0]);
      assertEquals(
          step[2].equals("shown"), stranger(permalink).contains(words), step[0] + " " + step[1]);
    }
  }

  @Test
  void aChangedDateFormatThreadDepthOrAvatarSettingRedrawsTheComments() {
    String permalink = publishedPost("Settings");
    new Browser(server).comment(permalink, "Words to keep.");
    String before = stranger(permalink);
    assertTrue(before.contains("June 1, 2026 at"), before);
    assertTrue(before.contains("class=\"comment-reply-link\""));
    assertTrue(before.contains("class=\"avatar\" src=\"/avatar/"), "the blog's identicon");

    settings.putAll(
        Map.of(
            SiteSettings.DATE_FORMAT, "yyyy-MM-dd",
            DiscussionSettings.THREAD_DEPTH, "1",
            DiscussionSettings.AVATARS, "gravatar"));
    String after = stranger(permalink);
    assertTrue(after.contains("2026-06-01 at"), after);
    assertFalse(after.contains("June 1, 2026 at"));
    assertFalse(
        after.contains("class=\"comment-reply-link\""), "no threads to reply in at depth 1");
    assertTrue(after.contains("Words to keep."));
    assertTrue(after.contains("class=\"avatar\" src=\"https://"), "Gravatar's picture now");
    assertFalse(after.contains("class=\"avatar\" src=\"/avatar/"));
  }

  @Test
  void aChangedThemeTemplateForACommentShowsOnTheNextPage() throws IOException {
    long post = publishedPostId("Themed");
    String permalink = permalinkOf(post);
    fixtures.comment(post, null, "Tess", "Themed words.", TestServer.NOW.minusSeconds(90));
    assertTrue(stranger(permalink).contains("Themed words."));
    Path template = theme.resolve("post").resolve("comment-body.peb");
    Files.createDirectories(template.getParent());
    try {
      Files.writeString(
          template, "<article class=\"themed-comment\">{{ comment.bodyHtml | raw }}</article>");
      clock.advance(Duration.ofSeconds(2)); // the look at the theme folder comes round
      String themed = stranger(permalink);
      assertTrue(themed.contains("<article class=\"themed-comment\"><p>Themed words.</p>"), themed);
    } finally {
      delete(template);
    }
    assertFalse(stranger(permalink).contains("themed-comment"), "the built-in one again");
  }

  private void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    clock.advance(Duration.ofSeconds(2));
  }

  @Test
  void aCommentersOwnButtonsAndStaffsLinksReachNobodyElse() {
    String permalink = publishedPost("Own");
    Browser oona = new Browser(server);
    long id = oona.comment(permalink, "Mine to change.");
    String strangerFirst = stranger(permalink);

    String own = oona.page(permalink);
    assertTrue(own.contains("?editcomment=" + id), "the author's Edit link");
    assertTrue(own.contains("class=\"comment-delete-form\""));
    String ownToken = Browser.replyForm(own).get("_csrf");
    String deleteForm = own.substring(own.indexOf("class=\"comment-delete-form\""));
    assertTrue(
        deleteForm.substring(0, 300).contains("value=\"" + ownToken + "\""),
        "the delete button carries the author's own token");

    User admin = staff.account(Role.ADMIN, Fixtures.unique("Admin"));
    String staffPage = staff.loggedIn(admin).page(permalink);
    assertTrue(staffPage.contains("href=\"/admin/comments/" + id + "/edit\""), "moderation link");
    assertTrue(staffPage.contains("class=\"post-edit-link\""), "the post's Edit link");

    for (String page : new String[] {strangerFirst, stranger(permalink)}) {
      assertTrue(page.contains("Mine to change."));
      assertFalse(page.contains("?editcomment="), "no Edit link for strangers");
      assertFalse(page.contains("comment-delete-form"));
      assertFalse(page.contains(ownToken), "nor the author's token");
      assertFalse(page.contains("/admin/comments/"), "nor staff's links");
      assertFalse(page.contains("post-edit-link"));
    }
    // And the author's page is still theirs after strangers read the same comment.
    assertTrue(oona.page(permalink).contains("?editcomment=" + id));
  }

  @Test
  void aNewReplyShowsInItsThreadAndTheReplyFormSitsUnderTheCommentAskedFor() {
    long post = publishedPostId("Threads");
    String permalink = permalinkOf(post);
    long parent =
        fixtures.comment(post, null, "Pat", "Parent words.", TestServer.NOW.minusSeconds(300));
    long other =
        fixtures.comment(post, null, "Oli", "Other thread.", TestServer.NOW.minusSeconds(200));
    assertTrue(stranger(permalink).contains("Parent words."), "both threads kept now");

    Browser replier = new Browser(server);
    Map<String, String> form = Browser.replyForm(replier.page(permalink));
    form.putAll(
        Map.of(
            "author",
            "Rae",
            "email",
            "rae@example.org",
            "comment",
            "A reply.",
            "comment_parent",
            Long.toString(parent)));
    assertEquals(303, replier.post("/comments/", form).statusCode());

    String page = stranger(permalink);
    String parentThread =
        page.substring(
            page.indexOf("id=\"comment-" + parent), page.indexOf("id=\"comment-" + other));
    assertTrue(parentThread.contains("<ol class=\"children\">"), parentThread);
    assertTrue(parentThread.contains("A reply."), "the reply sits in its thread");

    String answering = stranger(permalink + "?replytocom=" + other);
    String otherThread = answering.substring(answering.indexOf("id=\"comment-" + other));
    assertTrue(
        otherThread.indexOf("id=\"respond\"") < otherThread.indexOf("</li>"),
        "the reply form under the comment answered");
    String plain = stranger(permalink);
    String plainOther = plain.substring(plain.indexOf("id=\"comment-" + other));
    assertTrue(
        plainOther.indexOf("id=\"respond\"") > plainOther.indexOf("</li>"),
        "and at the end for the next reader");
  }

  @Test
  void anEditedPostShowsItsNewTextOnTheNextPage() {
    long post = publishedPostId("Post text");
    String permalink = permalinkOf(post);
    String first = Fixtures.unique("First text");
    setBody(post, first);
    assertTrue(stranger(permalink).contains(first));
    String second = Fixtures.unique("Second text");
    setBody(post, second);
    String page = stranger(permalink);
    assertTrue(page.contains(second), page);
    assertFalse(page.contains(first));
  }

  private void setBody(long post, String text) {
    db.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE posts SET body_html = :b WHERE id = :id")
                    .bind("b", "<p>" + text + "</p>")
                    .bind("id", post)
                    .execute());
  }
}
