package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentStatus;
import blog.core.comment.DiscussionSettings;
import blog.core.testing.TestSmtpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * "My comments" for a guest in Chromium: asking for the link, the mailed link (from GreenMail), the
 * list with a published, a held and a spam comment, an edit, and "Erase me". Each page is checked
 * (Nu Html Checker, CSP, axe) and kept as a screenshot under {@code target/my-comments-shots/};
 * {@link MyCommentsJourneyOnAPhoneTest} does it 390 px wide.
 */
class MyCommentsJourneyTest extends BrowserTestBase {
  static final Path SHOTS = Path.of("target", "my-comments-shots");
  private static final String EMAIL = "gina@example.org";
  private static final Pattern LINK = Pattern.compile("https?://\\S+/my-comments\\?token=\\S+");

  private final TestSmtpServer smtp = TestSmtpServer.onFreePort().start();

  @Override
  protected Map<String, String> config() {
    return Map.of(
        "mail.smtp.host", "127.0.0.1",
        "mail.smtp.port", Integer.toString(smtp.port()),
        "mail.smtp.security", "none",
        "mail.from", "Blog <blog@blog.example>");
  }

  @Override
  protected void prepare() {
    settings().putAll(Map.of(DiscussionSettings.EDIT_WINDOW_MINUTES, "60"));
    long post =
        fixtures.post(
            fixtures.author("Journey Author"),
            "A post to comment on",
            blog.core.post.PostStatus.PUBLISHED,
            Instant.now().minusSeconds(3600));
    Instant now = Instant.now();
    fixtures.comment(post, null, "Gina", "My published thoughts.", now.minusSeconds(60));
    fixtures.comment(
        post,
        null,
        "Gina",
        "A thought awaiting approval.",
        now.minusSeconds(30),
        CommentStatus.PENDING);
    fixtures.comment(
        post,
        null,
        "Gina",
        "Something the filter caught.",
        now.minusSeconds(10),
        CommentStatus.SPAM);
    db.database()
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE comments SET author_email = ? WHERE author_name = 'Gina'", EMAIL));
  }

  @AfterAll
  void stopSmtp() {
    smtp.close();
  }

  private void shot(String name) {
    keepFullPage(SHOTS.resolve(name + "-" + browserOptions().width() + ".png"));
  }

  private URI mailedLink() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      for (MimeMessage m : smtp.received()) {
        if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(EMAIL)) {
          Matcher found = LINK.matcher(m.getContent().toString());
          if (found.find()) {
            return URI.create(found.group());
          }
        }
      }
      smtp.await(smtp.received().size() + 1, Duration.ofMillis(250));
    }
    throw new AssertionError("no link mailed");
  }

  @Test
  void aGuestAsksForTheLinkSeesEditsAndErasesTheirComments() throws Exception {
    forgetEveryone();
    open("/my-comments");
    checkPageAndAccessibility("My comments, asking");
    shot("ask");
    type("#my-email", EMAIL);
    find(".my-comments-ask .submit").click();
    waitUntil(d -> find(".form-notice").isDisplayed());
    assertTrue(find(".form-notice").getText().contains("we have sent it a link"));
    checkPageAndAccessibility("My comments, link sent");

    URI link = mailedLink();
    open(link.getRawPath() + "?" + link.getRawQuery());
    checkPageAndAccessibility("My comments, the list");
    assertEquals(3, findAll(".my-comment").size());
    String states = find(".my-comment-list").getText();
    assertTrue(states.contains("Published"), states);
    assertTrue(states.contains("Awaiting moderation"));
    assertTrue(states.contains("Not published"));
    shot("list");

    var text = find(".my-comment-edit textarea");
    text.clear();
    text.sendKeys("My edited thoughts.");
    find(".my-comment-edit .submit").click();
    waitUntil(d -> find(".form-notice").getText().contains("changed"));
    checkPageAndAccessibility("My comments, after an edit");

    find("#erase-confirm").click();
    find(".my-data-erase .submit").click();
    waitUntil(d -> find("h1").getText().equals("You were erased"));
    checkAccessibility("erased");
    shot("erased");
  }
}
