package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.identity.User;
import blog.web.testing.StaffBrowsers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The public privacy page, "Your log-ins" for someone not logged in, and the admin's privacy screen
 * with an erasure in its log, in Chromium: valid HTML, CSP and axe clean, kept as screenshots under
 * {@code target/privacy-shots/} at 1280 px ({@link PrivacyPagesLookOnAPhoneTest} at 390).
 */
class PrivacyPagesLookTest extends BrowserTestBase {
  static final Path SHOTS = Path.of("target", "privacy-shots");
  private User admin;

  @Override
  protected void prepare() {
    admin = new StaffBrowsers(db.database().jdbi(), server).account(Role.ADMIN, "Ada Admin");
  }

  private void shot(String name) {
    keepFullPage(SHOTS.resolve(name + "-" + browserOptions().width() + ".png"));
  }

  @Test
  void thePrivacyPagesAreValidAndAccessible() {
    forgetEveryone();
    open("/privacy");
    checkPageAndAccessibility("the privacy page");
    assertTrue(find("h1").getText().contains("Privacy"));
    shot("privacy");
    open("/auth/logins");
    checkPageAndAccessibility("your log-ins, not logged in");

    logInToAdmin(admin.username(), StaffBrowsers.PASSWORD);
    open("/admin/privacy");
    checkPageAndAccessibility("the admin's privacy screen");
    type("#erase-email", "nobody@example.org");
    find("#erase-confirm").click();
    find("form[action='/admin/privacy/erase'] button").click();
    waitUntil(d -> find(".form-notice").getText().startsWith("Erased: 0 comment(s)"));
    checkAccessibility("the admin's privacy screen after an erasure");
    assertTrue(find("table").getText().contains("staff:" + admin.username()));
    shot("admin-privacy");
  }
}
