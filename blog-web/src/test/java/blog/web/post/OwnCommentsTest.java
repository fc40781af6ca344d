package blog.web.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.site.SettingsRepository;
import blog.web.testing.Browser;
import blog.web.testing.WebTestBase;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A commenter edits or deletes their own comment for a while, proven by their browser only. */
class OwnCommentsTest extends WebTestBase {
  private SettingsRepository settings;

  @Override
  protected void prepare() {
    settings = new SettingsRepository(db.database().jdbi());
  }

  @BeforeEach
  void rules() {
    settings.putAll(
        Map.of(
            DiscussionSettings.MODERATION, "none",
            DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0",
            DiscussionSettings.FLOOD_SECONDS, "0",
            DiscussionSettings.EDIT_WINDOW_MINUTES, "15"));
  }

  private String newPost() {
    return publishedPost("Own");
  }

  private static Map<String, String> ownForm(String page, long id, String text) {
    Map<String, String> form = new HashMap<>();
    form.put("comment_id", Long.toString(id));
    form.put("comment", text);
    form.put("_csrf", Browser.replyForm(page).get("_csrf"));
    return form;
  }

  @Test
  void theAuthorCanEditTheirCommentAndReadersSeeItMarkedEdited() {
    String permalink = newPost();
    Browser oona = new Browser(server);
    long id = oona.comment(permalink, "Teh first version.");
    String page = oona.page(permalink);
    assertTrue(page.contains("?editcomment=" + id), "the author gets an Edit link");
    assertFalse(new Browser(server).page(permalink).contains("?editcomment="), "nobody else");

    String editPage = oona.page(permalink + "?editcomment=" + id);
    assertTrue(editPage.contains(">Teh first version.</textarea>"), "the source, ready to edit");

    HttpResponse<String> saved =
        oona.post("/comments/edit", ownForm(editPage, id, "The *second* version."));
    assertEquals(303, saved.statusCode(), saved.body());
    String after = new Browser(server).page(permalink);
    assertTrue(after.contains("The <em>second</em> version."));
    assertFalse(after.contains("Teh first version."));
    assertTrue(after.contains("(edited)"));
  }

  @Test
  void aCommentSentInPlaceComesWithItsEditAndDeleteActions() {
    String permalink = newPost();
    Browser oona = new Browser(server);
    Map<String, String> form = Browser.replyForm(oona.page(permalink));
    form.putAll(Map.of("author", "Oona", "email", "oona@example.org", "comment", "By script."));
    HttpResponse<String> inserted =
        oona.post("/comments/", form, Map.of("X-Requested-With", "fetch"));
    assertEquals(200, inserted.statusCode(), inserted.body());
    assertTrue(inserted.body().contains("?editcomment="), inserted.body());
    assertTrue(inserted.body().contains("action=\"/comments/delete\""), inserted.body());
  }

  @Test
  void aBadEditKeepsTheTypedTextAndStrangersCannotEdit() {
    String permalink = newPost();
    Browser oona = new Browser(server);
    long id = oona.comment(permalink, "Keep me.");
    String page = oona.page(permalink);

    HttpResponse<String> empty = oona.post("/comments/edit", ownForm(page, id, "   "));
    assertEquals(422, empty.statusCode());
    assertTrue(empty.body().contains("Please type your comment, or delete it instead."));

    String tooLong = "x".repeat(10_001);
    HttpResponse<String> longOne = oona.post("/comments/edit", ownForm(page, id, tooLong));
    assertEquals(422, longOne.statusCode());
    assertTrue(longOne.body().contains(tooLong + "</textarea>"), "typed text kept");

    Browser stranger = new Browser(server);
    String strangerPage = stranger.page(permalink);
    HttpResponse<String> hijack =
        stranger.post("/comments/edit", ownForm(strangerPage, id, "Hijacked"));
    assertEquals(422, hijack.statusCode());
    assertTrue(hijack.body().contains("can no longer be changed"));
    assertTrue(new Browser(server).page(permalink).contains("Keep me."));
  }

  @Test
  void theAuthorCanDeleteTheirComment() {
    String permalink = newPost();
    Browser oona = new Browser(server);
    long id = oona.comment(permalink, "Regret this.");
    HttpResponse<String> deleted =
        oona.post("/comments/delete", ownForm(oona.page(permalink), id, ""));
    assertEquals(303, deleted.statusCode());
    assertFalse(new Browser(server).page(permalink).contains("Regret this."));
  }

  @Test
  void afterTheWindowNothingCanBeChanged() {
    String permalink = newPost();
    Browser oona = new Browser(server);
    long id = oona.comment(permalink, "Set in stone.");
    settings.putAll(Map.of(DiscussionSettings.EDIT_WINDOW_MINUTES, "0"));
    String page = oona.page(permalink);
    assertFalse(page.contains("?editcomment="), "no Edit link once the window closed");
    assertEquals(422, oona.post("/comments/edit", ownForm(page, id, "Changed")).statusCode());
    assertEquals(422, oona.post("/comments/delete", ownForm(page, id, "")).statusCode());
    assertTrue(new Browser(server).page(permalink).contains("Set in stone."));
  }
}
