package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.testing.TestSmtpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * "Your log-ins" for a commenter logged in with the demo provider, with mail on (so an address can
 * be linked too), in Chromium: reached from the reply form, valid HTML, CSP and axe clean, kept as
 * a screenshot under {@code target/privacy-shots/}; {@link YourLoginsLookOnAPhoneTest} at 390 px.
 */
class YourLoginsLookTest extends BrowserTestBase {
  private final int port = freePort();
  private final TestSmtpServer smtp = TestSmtpServer.onFreePort().start();

  @Override
  protected Map<String, String> config() {
    return Map.of(
        "port", Integer.toString(port),
        "base-url", "http://127.0.0.1:" + port,
        "auth.demo.enabled", "true",
        "mail.smtp.host", "127.0.0.1",
        "mail.smtp.port", Integer.toString(smtp.port()),
        "mail.smtp.security", "none",
        "mail.from", "Blog <blog@blog.example>");
  }

  @AfterAll
  void stopSmtp() {
    smtp.close();
  }

  @Test
  void aLoggedInCommenterSeesTheirLogInsAndWaysToLinkMore() {
    forgetEveryone();
    open(ReplyFormLookTest.SEED);
    assertTrue(find(".login-email").isDisplayed(), "Log in with email is offered with mail on");
    find("button.login-demo").click();
    waitForPath("/auth/demo/start");
    type("#demo-name", "Lin Links");
    find(".demo-form .submit").click();
    waitForPath(ReplyFormLookTest.SEED);
    link("Your log-ins").click();
    waitForPath("/auth/logins");
    checkPageAndAccessibility("your log-ins, logged in");
    String list = find(".login-list").getText();
    assertTrue(list.contains("Lin Links") && list.contains("(you are logged in with this one)"));
    assertTrue(find(".link-email-form").isDisplayed(), "an address can be linked");
    keepFullPage(
        PrivacyPagesLookTest.SHOTS.resolve("your-logins-" + browserOptions().width() + ".png"));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
