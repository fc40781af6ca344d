package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.identity.Role;
import blog.core.identity.User;
import blog.web.testing.StaffBrowsers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The seed article as an administrator reads it with their admin session: "Logged in as Pat Editor.
 * Log out?" in the reply form, "Edit" beside the byline and on each comment, their comment public
 * at once with its "Author" badge, and "Log out?" back to a reader's page. Kept as screenshots
 * under {@code target/staff-shots/}; {@link StaffReadingLookOnAPhoneTest} on a phone.
 */
class StaffReadingLookTest extends BrowserTestBase {
  static final Path SHOTS = Path.of("target", "staff-shots");

  @Override
  protected void prepare() {
    settings()
        .putAll(
            Map.of(
                DiscussionSettings.MODERATION, "all",
                DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0"));
  }

  @Test
  void anAdministratorReadsThePostAsThemselvesAndLogsOutToAReadersPage() {
    User pat = new StaffBrowsers(db.database().jdbi(), server).account(Role.ADMIN, "Pat Editor");
    logInToAdmin(pat.username(), StaffBrowsers.PASSWORD);
    open(ReplyFormLookTest.SEED);
    checkPageAndAccessibility("seed article read by an administrator");
    assertEquals(
        "Logged in as Pat Editor. Log out?",
        find(".logged-in-as").getText().replaceAll("\\s+", " "));
    assertTrue(findAll("#author").isEmpty(), "no name, email or website to type");
    assertTrue(findAll(".login-buttons").isEmpty(), "no provider buttons");
    assertEquals(
        "Edit “Why quality social networking beats quantity every time”",
        find(".post-edit-link").getAccessibleName());
    assertEquals(
        findAll("li.comment").size(), findAll(".comment-moderate-link").size(), "each comment");
    screenshot("reading");

    String text = "Thank you both, I will write a follow-up.";
    type("#comment", text);
    find("#submit").click();
    WebElement posted =
        waitUntil(
            d ->
                findAll("li.comment").stream()
                    .filter(li -> li.getText().contains(text))
                    .findFirst()
                    .orElse(null));
    assertTrue(posted.getText().contains("Pat Editor"), posted.getText());
    assertTrue(posted.getText().contains("Author"), "the staff badge");
    assertTrue(
        findAll(".comment-awaiting-moderation").isEmpty(), "not held, though every comment is");
    checkPageAndAccessibility("seed article with the administrator's comment");
    screenshot("commented");

    find(".logged-in-as button[formaction='/admin/logout']").click();
    waitUntil(d -> !findAll(".form-notice").isEmpty());
    assertEquals("You are logged out.", find(".form-notice").getText());
    assertTrue(findAll(".post-edit-link").isEmpty());
    assertTrue(findAll(".comment-moderate-link").isEmpty());
    assertTrue(!findAll("#author").isEmpty(), "a reader again, asked for a name");
  }

  private void screenshot(String state) {
    String name = "seed-article-staff-" + state + "-" + browserOptions().width();
    keepFullPage(SHOTS.resolve(name + ".png"));
    keepPart("#respond", SHOTS.resolve(name + "-form.png"));
  }
}
