package blog.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.identity.IdentityRepository;
import blog.core.login.Commenters;
import blog.core.login.SessionRepository;
import blog.core.login.Sessions;
import blog.core.security.Tokens;
import blog.core.site.SettingsRepository;
import blog.core.testing.Fixtures;
import blog.web.testing.Browser;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A commenter with a provider session (started here directly; the provider round trip has its own
 * tests): the form knows them, their comments carry the identity, Log Out keeps the typed text, and
 * the session works on a second instance sharing the database.
 */
class SignedInCommenterTest extends WebTestBase {
  private Commenters commenters;

  @Override
  protected void prepare() {
    var jdbi = db.database().jdbi();
    commenters =
        new Commenters(
            new IdentityRepository(jdbi),
            new Sessions(
                new SessionRepository(jdbi),
                new Tokens(new SecureRandom()),
                Clock.fixed(TestServer.NOW, ZoneOffset.UTC)),
            Clock.fixed(TestServer.NOW, ZoneOffset.UTC));
    new SettingsRepository(jdbi)
        .putAll(
            Map.of(
                DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0",
                DiscussionSettings.FLOOD_SECONDS, "0",
                DiscussionSettings.MODERATION, "none"));
  }

  private Browser signedIn(String name) {
    Browser browser = new Browser(server);
    String token =
        commenters
            .signIn(
                "github",
                Fixtures.unique("gh"),
                name,
                null,
                "https://avatars.example/" + name + ".png",
                "https://github.com/" + name)
            .sessionToken();
    browser.setCookie("blog_session", token);
    return browser;
  }

  @Test
  void theFormSaysWhoIsCommentingAndAsksNoNameOrEmail() {
    String permalink = publishedPost("Signed");
    String page = signedIn("octo").page(permalink);
    assertTrue(page.contains("You are commenting using your github account."), page);
    assertTrue(page.contains("src=\"https://avatars.example/octo.png\""));
    assertFalse(page.contains("name=\"author\""));
    assertFalse(page.contains("name=\"email\""));
    assertTrue(new Browser(server).page(permalink).contains("name=\"author\""), "guests still do");
  }

  @Test
  void commentsCarryTheIdentityAndItsAvatarAndProfileLink() {
    String permalink = publishedPost("Signed");
    Browser octo = signedIn("octocat");
    Map<String, String> form = Browser.replyForm(octo.page(permalink));
    form.put("comment", "Hello as octocat.");
    HttpResponse<String> posted = octo.post("/comments/", form);
    assertEquals(303, posted.statusCode(), posted.body());
    String page = new Browser(server).page(permalink);
    assertTrue(page.contains("Hello as octocat."));
    assertTrue(page.contains("href=\"https://github.com/octocat\""));
    assertTrue(page.contains("src=\"https://avatars.example/octocat.png\""));
  }

  @Test
  void logOutEndsTheSessionAndKeepsTheTypedComment() {
    String permalink = publishedPost("Signed");
    Browser octo = signedIn("leaver");
    Map<String, String> form = Browser.replyForm(octo.page(permalink));
    form.put("comment", "Half-written thought");
    HttpResponse<String> out = octo.post(AuthHandlers.LOGOUT, form);
    assertEquals(303, out.statusCode(), out.body());
    String back = out.headers().firstValue("Location").orElseThrow();
    assertTrue(back.startsWith(permalink + "?draft="), back);

    String page = octo.page(back.substring(0, back.indexOf('#')));
    assertTrue(page.contains("You are logged out."));
    assertEquals("Half-written thought", Browser.replyForm(page).get("comment"));
    assertTrue(page.contains("name=\"author\""), "a guest again");
    assertFalse(octo.page(permalink).contains("You are commenting using"));
    assertFalse(
        new Browser(server).page(back.substring(0, back.indexOf('#'))).contains("Half-written"),
        "the draft belongs to its browser only");
  }

  @Test
  void theSessionWorksOnASecondInstanceSharingTheDatabase() {
    String permalink = publishedPost("Signed");
    Browser octo = signedIn("roamer");
    try (TestServer second = TestServer.start(db.database())) {
      String page = octo.on(second).page(permalink);
      assertTrue(page.contains("You are commenting using your github account."), page);
      Map<String, String> form = Browser.replyForm(page);
      form.put("comment", "Posted through the second instance.");
      assertEquals(303, octo.on(second).post("/comments/", form).statusCode());
    }
    assertTrue(new Browser(server).page(permalink).contains("Posted through the second instance."));
  }
}
