package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The seed article's "Leave a Reply" as a newcomer meets it, with the demo sign-in provider the
 * blog offers when no real one is configured: as a guest, then logged in there. After a log-in the
 * form says who is commenting, and Log Out / Change are small text links as on WordPress.com, not
 * buttons that look like "Post Comment". Each state is kept as a full-page screenshot under {@code
 * target/reply-form-shots/}, to look at; {@link ReplyFormLookOnAPhoneTest} does the same on a
 * phone.
 */
class ReplyFormLookTest extends BrowserTestBase {
  static final String SEED = "/2011/09/14/why-quality-social-networking-beats-quantity-every-time/";
  static final Path SHOTS = Path.of("target", "reply-form-shots");

  private final int port = freePort();

  @Override
  protected Map<String, String> config() {
    // The demo provider sends the browser back to base-url, so it must be this server's address.
    return Map.of(
        "port",
        Integer.toString(port),
        "base-url",
        "http://127.0.0.1:" + port,
        "auth.demo.enabled",
        "true");
  }

  @Test
  void aGuestThenADemoLogInSeeAQuietFormThatSaysWhoIsCommenting() {
    forgetEveryone();
    open(SEED);
    checkPageAndAccessibility("seed article as a guest");
    assertEquals("Log in with Demo sign-in", find("button.login-demo").getAccessibleName());
    screenshot("guest");

    find("button.login-demo").click();
    waitUntil(d -> d.getCurrentUrl().contains("/demo/authorize"));
    driver.findElement(By.name("username")).sendKeys("hannah");
    driver.findElement(By.name("claims")).sendKeys("{\"name\": \"Hannah\"}");
    driver.findElement(By.cssSelector("input[type=submit]")).click();
    waitForPath(SEED);

    assertEquals(
        "Commenting as Hannah · You are commenting using your Demo sign-in account."
            + " (Log Out / Change)",
        find(".signed-in-as").getText().replaceAll("\\s+", " "));
    assertEquals("Hannah", find(".commenting-as strong").getText());
    assertTrue(
        (Boolean)
            js(
                "const i = document.querySelector('.comment-signed-in .avatar');"
                    + "return i.complete && i.naturalWidth > 0;"),
        "the commenter's avatar shows");

    Map<?, ?> logOut = style(".comment-signed-in button[formaction='/auth/logout']");
    Map<?, ?> change = style(".comment-signed-in button[formaction='/auth/logout?change=1']");
    Map<?, ?> submit = style("#submit");
    for (Map<?, ?> link : new Map<?, ?>[] {logOut, change}) {
      assertEquals("rgba(0, 0, 0, 0)", link.get("background"), "no fill: " + link);
      assertNotEquals(submit.get("background"), link.get("background"));
      assertEquals("0px", link.get("borderWidth"), "no border: " + link);
      assertEquals("0px", link.get("padding"), "no padding: " + link);
      assertTrue(link.get("decoration").toString().startsWith("underline"), "a link: " + link);
      assertTrue(num(link, "fontSize") <= 15, "small text: " + link);
      assertTrue(num(link, "height") <= 24, "a line of text high: " + link);
      assertTrue(num(link, "fontSize") < num(submit, "fontSize"), "smaller than Post Comment");
    }
    checkPageAndAccessibility("seed article logged in with the demo provider");
    screenshot("logged-in");

    find(".comment-signed-in button[formaction='/auth/logout']").click();
    waitUntil(d -> !findAll(".form-notice").isEmpty());
    assertEquals("You are logged out.", find(".form-notice").getText());
  }

  /** What the reader sees of an element: its fill, border, text size and box. */
  private Map<?, ?> style(String css) {
    return (Map<?, ?>)
        js(
            "const e = document.querySelector(arguments[0]); const s = getComputedStyle(e);"
                + "const r = e.getBoundingClientRect();"
                + "return {background: s.backgroundColor, borderWidth: s.borderTopWidth,"
                + "  padding: s.paddingTop, decoration: s.textDecorationLine,"
                + "  fontSize: parseFloat(s.fontSize), height: r.height};",
            css);
  }

  static double num(Map<?, ?> map, String key) {
    return ((Number) map.get(key)).doubleValue();
  }

  private void screenshot(String state) {
    String name = "seed-article-" + state + "-" + browserOptions().width();
    keepFullPage(SHOTS.resolve(name + ".png"));
    keepPart("#respond", SHOTS.resolve(name + "-form.png"));
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
