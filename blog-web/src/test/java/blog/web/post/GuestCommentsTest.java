package blog.web.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.comment.check.DuplicateCheck;
import blog.core.site.SettingsRepository;
import blog.core.testing.Fixtures;
import blog.web.testing.Browser;
import blog.web.testing.WebTestBase;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guest path of "Leave a Reply", over HTTP against the real server. */
class GuestCommentsTest extends WebTestBase {
  private SettingsRepository settings;
  private long author;

  @Override
  protected void prepare() {
    settings = new SettingsRepository(db.database().jdbi());
    author = fixtures.author("Host");
  }

  /** The test server's clock stands still, so the time- and rate-based rules start switched off. */
  @BeforeEach
  void relaxedRules() {
    Map<String, String> values = new HashMap<>();
    values.put(DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0");
    values.put(DiscussionSettings.FLOOD_SECONDS, "0");
    values.put(DiscussionSettings.MODERATION, "first");
    settings.putAll(values);
  }

  private String newPost() {
    return publishedPost("Talk");
  }

  private static HttpResponse<String> comment(
      Browser browser, String permalink, String name, String email, String text) {
    Map<String, String> form = Browser.replyForm(browser.page(permalink));
    form.put("author", name);
    form.put("email", email);
    form.put("comment", text);
    return browser.post("/comments/", form);
  }

  private static long commentId(HttpResponse<String> redirect) {
    assertEquals(303, redirect.statusCode(), redirect.body());
    String location = redirect.headers().firstValue("Location").orElseThrow();
    return Long.parseLong(location.substring(location.indexOf("#comment-") + "#comment-".length()));
  }

  @Test
  void aGuestCommentIsHeldForItsAuthorOnlyAndAppearsAfterApproval() {
    String permalink = newPost();
    Browser guest = new Browser(server);
    HttpResponse<String> posted =
        comment(
            guest,
            permalink,
            "Gwen",
            Fixtures.unique("gwen") + "@example.org",
            "My first words here.");
    long id = commentId(posted);
    assertTrue(posted.headers().firstValue("Location").orElseThrow().startsWith(permalink));

    String own = guest.page(permalink);
    assertTrue(own.contains("My first words here."), "the author sees their held comment");
    assertTrue(own.contains("Your comment is awaiting moderation."));

    String stranger = new Browser(server).page(permalink);
    assertFalse(stranger.contains("My first words here."), "nobody else does");
    assertFalse(stranger.contains("responses to"));

    fixtures.approve(id);
    String after = new Browser(server).page(permalink);
    assertTrue(after.contains("My first words here."));
    assertTrue(after.contains("id=\"comment-" + id + "\""));
    assertTrue(after.contains("1 response to"));
    assertFalse(after.contains("awaiting moderation"));
  }

  @Test
  void anApprovedCommentersNextCommentAppearsAtOnce() {
    String permalink = newPost();
    String email = Fixtures.unique("amy") + "@example.org";
    Browser amy = new Browser(server);
    fixtures.approve(commentId(comment(amy, permalink, "Amy", email, "First.")));
    long second = commentId(comment(amy, permalink, "Amy", email, "Second, straight through."));
    String page = new Browser(server).page(permalink);
    assertTrue(page.contains("Second, straight through."));
    assertTrue(page.contains("id=\"comment-" + second + "\""));
  }

  @Test
  void aReplyNestsUnderItsParent() {
    String permalink = newPost();
    settings.putAll(Map.of(DiscussionSettings.MODERATION, "none"));
    Browser browser = new Browser(server);
    long parent = commentId(comment(browser, permalink, "Pat", "pat@example.org", "Parent words."));

    String withForm = browser.page(permalink + "?replytocom=" + parent);
    assertTrue(withForm.contains("Leave a Reply to Pat"), "the form names whom it answers");
    int parentAt = withForm.indexOf("id=\"comment-" + parent + "\"");
    assertTrue(
        withForm.indexOf("id=\"commentform\"") > parentAt, "the form sits under the comment");
    Map<String, String> form = Browser.replyForm(withForm);
    assertEquals(Long.toString(parent), form.get("comment_parent"));
    form.put("author", "Quinn");
    form.put("email", "quinn@example.org");
    form.put("comment", "A reply to Pat.");
    long reply = commentId(browser.post("/comments/", form));

    String page = new Browser(server).page(permalink);
    String parentItem = page.substring(page.indexOf("id=\"comment-" + parent + "\""));
    assertTrue(
        parentItem.indexOf("<ol class=\"children\">")
            < parentItem.indexOf("id=\"comment-" + reply + "\""));
    assertTrue(page.contains("class=\"comment depth-2\""));
  }

  @Test
  void everyErrorKeepsWhatWasTypedAndSaysWhatIsWrong() {
    String permalink = newPost();
    Browser browser = new Browser(server);
    Map<String, String> form = Browser.replyForm(browser.page(permalink));
    form.put("author", "Tia <b>\"quoted\"</b>");
    form.put("email", "not an email");
    form.put("url", "javascript:alert(1)");
    form.put("comment", "Some <careful> words & more\nover two lines");
    HttpResponse<String> refused = browser.post("/comments/", form);
    assertEquals(422, refused.statusCode());
    String page = refused.body();
    assertTrue(page.contains("Please enter a valid email address."), page);
    assertTrue(page.contains("Please enter a valid website address"));
    Map<String, String> again = Browser.replyForm(page);
    assertEquals("Tia <b>\"quoted\"</b>", again.get("author"));
    assertEquals("not an email", again.get("email"));
    assertEquals("javascript:alert(1)", again.get("url"));
    assertEquals("Some <careful> words & more\nover two lines", again.get("comment"));
    assertFalse(page.contains("<b>\"quoted\"</b>"), "typed text comes back escaped");
  }

  @Test
  void eachAntiSpamRuleAnswersWithItsMessageAndKeepsTheText() {
    String permalink = newPost();
    Browser browser = new Browser(server);

    Map<String, String> robot = Browser.replyForm(browser.page(permalink));
    robot.putAll(Map.of("author", "Bot", "email", "bot@example.org", "comment", "Cheap pills"));
    robot.put("contact_me_by_fax_only", "http://spam.example");
    assertRefusedWith(browser.post("/comments/", robot), "meant to stay empty", "Cheap pills");

    settings.putAll(Map.of(DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "3"));
    HttpResponse<String> quick =
        comment(browser, permalink, "Fast", "fast@example.org", "Quick words");
    assertRefusedWith(quick, "That was quick!", "Quick words");
    settings.putAll(Map.of(DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0"));

    commentId(comment(browser, permalink, "Dee", "dee@example.org", "Said once."));
    assertRefusedWith(
        comment(browser, permalink, "Dee", "dee@example.org", "Said once."),
        DuplicateCheck.MESSAGE,
        "Said once.");

    settings.putAll(Map.of(DiscussionSettings.FLOOD_SECONDS, "15"));
    assertRefusedWith(
        comment(browser, permalink, "Flo", "flo@example.org", "Too soon after the last one"),
        // The clock stands still: the whole limit is left since Dee's comment.
        "Please wait 15 seconds before commenting again.",
        "Too soon after the last one");
  }

  @Test
  void blockedWordsGoToSpamSilently() {
    String permalink = newPost();
    settings.putAll(
        Map.of(DiscussionSettings.BLOCKLIST, "viagra", DiscussionSettings.MODERATION, "none"));
    try {
      HttpResponse<String> posted =
          comment(new Browser(server), permalink, "Sam", "sam@example.org", "Buy VIAGRA now");
      assertEquals(303, posted.statusCode());
      assertTrue(posted.headers().firstValue("Location").orElseThrow().endsWith("#respond"));
      assertFalse(new Browser(server).page(permalink).contains("Buy VIAGRA now"));
    } finally {
      settings.putAll(Map.of(DiscussionSettings.BLOCKLIST, ""));
    }
  }

  @Test
  void formsWithoutAValidTokenOrFromAnotherSiteAreRefusedWithTheTextKept() {
    String permalink = newPost();
    Browser browser = new Browser(server);
    Map<String, String> form = Browser.replyForm(browser.page(permalink));
    form.putAll(Map.of("author", "Cy", "email", "cy@example.org", "comment", "Forged?"));

    Map<String, String> noToken = new HashMap<>(form);
    noToken.remove("_csrf");
    assertRefusedWith(browser.post("/comments/", noToken), "This form has expired", "Forged?");

    assertRefusedWith(
        browser.post("/comments/", form, "https://evil.example"),
        "sent from another site",
        "Forged?");

    Browser cookieless = new Browser(server);
    assertRefusedWith(
        cookieless.post("/comments/", form), "did not send back the cookie", "Forged?");

    Map<String, String> badFormToken = new HashMap<>(form);
    badFormToken.put("form_token", form.get("form_token").replace('1', '2'));
    assertRefusedWith(browser.post("/comments/", badFormToken), "This form has expired", "Forged?");

    assertEquals(303, browser.post("/comments/", form).statusCode(), "the genuine form works");
  }

  @Test
  void theSameFormSentTwiceMakesOneComment() {
    String permalink = newPost();
    Browser browser = new Browser(server);
    Map<String, String> form = Browser.replyForm(browser.page(permalink));
    form.putAll(Map.of("author", "Di", "email", "di@example.org", "comment", "Double click!"));
    HttpResponse<String> first = browser.post("/comments/", form);
    HttpResponse<String> second = browser.post("/comments/", form);
    assertEquals(303, second.statusCode());
    assertEquals(first.headers().firstValue("Location"), second.headers().firstValue("Location"));
  }

  @Test
  void rememberMeFillsTheFormNextTimeAndOnlyWhenTicked() {
    String permalink = newPost();
    Browser browser = new Browser(server);
    Map<String, String> form = Browser.replyForm(browser.page(permalink));
    form.putAll(
        Map.of(
            "author", "Rem",
            "email", "rem@example.org",
            "url", "https://rem.example",
            "comment", "Remember me.",
            "remember", "yes"));
    commentId(browser.post("/comments/", form));
    Map<String, String> next = Browser.replyForm(browser.page(permalink));
    assertEquals("Rem", next.get("author"));
    assertEquals("rem@example.org", next.get("email"));
    assertEquals("https://rem.example", next.get("url"));
    assertEquals("yes", next.get("remember"));

    next.remove("remember");
    next.put("comment", "Forget me now.");
    commentId(browser.post("/comments/", next));
    Map<String, String> after = Browser.replyForm(browser.page(permalink));
    assertEquals("", after.get("author"));
    assertFalse(after.containsKey("remember"));
  }

  @Test
  void theScriptsInPlaceSubmissionGetsTheNewCommentAndAFreshToken() {
    String permalink = newPost();
    settings.putAll(Map.of(DiscussionSettings.MODERATION, "none"));
    Browser browser = new Browser(server);
    Map<String, String> form = Browser.replyForm(browser.page(permalink));
    form.putAll(Map.of("author", "Js", "email", "js@example.org", "comment", "Sent by script."));
    HttpResponse<String> first =
        browser.post("/comments/", form, Map.of("X-Requested-With", "fetch"));
    assertEquals(200, first.statusCode(), first.body());
    assertTrue(first.body().strip().startsWith("<li id=\"comment-"), first.body());
    assertTrue(first.body().contains("Sent by script."));
    assertFalse(first.body().contains("<html"), "a fragment, not a page");

    form.put("form_token", first.headers().firstValue("X-Form-Token").orElseThrow());
    form.put("comment", "And a second one.");
    HttpResponse<String> second =
        browser.post("/comments/", form, Map.of("X-Requested-With", "fetch"));
    assertEquals(200, second.statusCode(), second.body());
    assertTrue(second.body().contains("And a second one."));
    assertTrue(second.body().contains("class=\"comment depth-1"), second.body());

    // A reply comes as deep as the thread puts it.
    String firstId = first.body().strip().replaceFirst("(?s)^<li id=\"comment-([0-9]+)\".*", "$1");
    form.put("form_token", second.headers().firstValue("X-Form-Token").orElseThrow());
    form.put("comment_parent", firstId);
    form.put("comment", "A reply, in place.");
    HttpResponse<String> reply =
        browser.post("/comments/", form, Map.of("X-Requested-With", "fetch"));
    assertEquals(200, reply.statusCode(), reply.body());
    assertTrue(reply.body().contains("A reply, in place."));
    assertTrue(reply.body().contains("class=\"comment depth-2"), reply.body());
    form.put("comment_parent", "");

    form.put("form_token", reply.headers().firstValue("X-Form-Token").orElseThrow());
    form.put("comment", "");
    HttpResponse<String> refused =
        browser.post("/comments/", form, Map.of("X-Requested-With", "fetch"));
    assertEquals(422, refused.statusCode());
    assertTrue(
        refused.body().contains("id=\"respond\""), "the refused form, for the script to show");
  }

  @Test
  void theScriptsInPlaceSubmissionOfAHeldCommentShowsItToItsAuthor() {
    String permalink = newPost();
    Browser browser = new Browser(server);
    Map<String, String> form = Browser.replyForm(browser.page(permalink));
    form.putAll(
        Map.of(
            "author",
            "Newcomer",
            "email",
            Fixtures.unique("new") + "@example.org",
            "comment",
            "My first comment here."));
    HttpResponse<String> held =
        browser.post("/comments/", form, Map.of("X-Requested-With", "fetch"));
    assertEquals(200, held.statusCode(), held.body());
    assertTrue(held.body().contains("My first comment here."), held.body());
    assertTrue(held.body().contains("Your comment is awaiting moderation."), held.body());
    assertFalse(
        new Browser(server).page(permalink).contains("My first comment here."),
        "held: nobody else sees it");
  }

  @Test
  void anOversizedBodyIsRefusedWithAPageTheWriterGetsToSee() {
    String permalink = newPost();
    Browser browser = new Browser(server);
    Map<String, String> form = Browser.replyForm(browser.page(permalink));
    form.putAll(
        Map.of("author", "Big", "email", "big@example.org", "comment", "x".repeat(300_000)));
    long postId = Long.parseLong(form.get("comment_post_ID"));
    // Refused before reading, yet the body is drained: closing on unread bytes would reset the
    // connection and lose the page (which happened now and then before the server drained).
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> refused = browser.post("/comments/", form);
      assertEquals(413, refused.statusCode());
      assertTrue(refused.body().contains("please shorten yours"), refused.body());
      assertTrue(refused.headers().firstValue("Content-Security-Policy").isPresent());
    }
    assertEquals(0, fixtures.countComments(postId));
  }

  @Test
  void aClientThatSendsItsWholeOversizedBodyBeforeReadingStillGetsTheRefusal() throws Exception {
    // A client that writes everything before it reads (as simple HTTP clients do) must find the
    // 413 waiting, not a connection reset by a server that closed on the bytes it did not read.
    URI base = URI.create(server.url("/"));
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) 'x');
    int chunks = 256; // 16 MiB: more than any socket buffer between the two ends holds
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /comments/ HTTP/1.1\r\nHost: "
                  + base.getHost()
                  + ":"
                  + base.getPort()
                  + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                  + (long) chunk.length * chunks
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      for (int i = 0; i < chunks; i++) {
        out.write(chunk);
      }
      out.flush();
      String answer =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
      assertTrue(answer.contains("please shorten yours"), answer);
    }
  }

  @Test
  void withoutMailTheFormOffersNoSubscriptions() {
    String page = new Browser(server).page(newPost());
    assertTrue(page.contains("id=\"commentform\""));
    assertFalse(page.contains("Notify me of"));
  }

  @Test
  void theEmailIsNeverShownPublicly() {
    String permalink = newPost();
    settings.putAll(Map.of(DiscussionSettings.MODERATION, "none"));
    String email = Fixtures.unique("hidden") + "@example.org";
    commentId(comment(new Browser(server), permalink, "Hid", email, "Where is my email?"));
    String page = new Browser(server).page(permalink);
    assertTrue(page.contains("Where is my email?"));
    assertFalse(page.contains(email));
  }

  @Test
  void closedPostsShowNoFormAndRefuseComments() {
    String permalink = newPost();
    Browser browser = new Browser(server);
    Map<String, String> form = Browser.replyForm(browser.page(permalink));
    form.putAll(Map.of("author", "Late", "email", "late@example.org", "comment", "Too late?"));
    long postId = Long.parseLong(form.get("comment_post_ID"));
    fixtures.closeComments(postId);
    String page = browser.page(permalink);
    assertTrue(page.contains("Comments are closed."));
    assertFalse(page.contains("id=\"commentform\""));
    assertRefusedWith(browser.post("/comments/", form), "Comments are closed", "Too late?");
  }

  private static void assertRefusedWith(
      HttpResponse<String> response, String message, String typed) {
    assertEquals(422, response.statusCode(), response.body());
    assertTrue(response.body().contains(message), message + " missing from the page");
    assertEquals(typed, Browser.replyForm(response.body()).get("comment"), "typed text kept");
  }
}
