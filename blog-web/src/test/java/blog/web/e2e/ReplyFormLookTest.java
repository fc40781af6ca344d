package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The seed article's "Leave a Reply" as a newcomer meets it, with the demo sign-in provider the
 * blog offers when no real one is configured: as a guest, then logged in there (the demo asks only
 * for a name, on a page of the blog's own, and the comment appears under it). After a log-in the
 * form says who is commenting, and Log Out / Change are small text links as on WordPress.com, not
 * buttons that look like "Post Comment". Each state is kept as a full-page screenshot under {@code
 * target/reply-form-shots/}, to look at; {@link ReplyFormLookOnAPhoneTest} does the same on a
 * phone.
 */
class ReplyFormLookTest extends BrowserTestBase {
  static final String SEED = "/2011/09/14/why-quality-social-networking-beats-quantity-every-time/";
  static final Path SHOTS = Path.of("target", "reply-form-shots");

  private static final String TYPED = "Written before logging in with the demo.";
  private final int port = freePort();

  @Override
  protected void prepare() {
    // Held or refused as too quick, the comment would not show under its name at once.
    settings()
        .putAll(
            Map.of(
                DiscussionSettings.MODERATION, "none",
                DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0"));
  }

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

    type("#comment", TYPED);
    // The demo's log-in page is the answer to the button's POST: check it as the blog sends it.
    checkAnswerToPost("the demo's log-in page", "#commentform", "/auth/demo/start", "x", "");
    find("button.login-demo").click();

    // The blog's own page, which asks only for a name (and, if one likes, an email).
    waitForPath("/auth/demo/start");
    assertEquals("Log in with the demo", find("h1").getText());
    assertTrue(findAll("[name=claims]").isEmpty(), "no claims JSON to write");
    assertTrue(findAll("[name=username]").isEmpty(), "no subject to make up");
    checkAccessibility("the demo's log-in page");
    keepFullPage(SHOTS.resolve("demo-sign-in-" + browserOptions().width() + ".png"));
    type("#demo-name", "Hannah Ng");
    type("#demo-email", "hannah@example.org");
    find(".demo-form .submit").click();
    waitForPath(SEED);

    assertEquals(
        "Commenting as Hannah Ng · You are commenting using your Demo sign-in account."
            + " (Log Out / Change)",
        find(".signed-in-as").getText().replaceAll("\\s+", " "));
    assertEquals("Hannah Ng", find(".commenting-as strong").getText());
    assertEquals(TYPED, find("#comment").getAttribute("value"), "the comment waited");
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

    find("#submit").click();
    WebElement posted =
        waitUntil(
            d ->
                findAll("li.comment").stream()
                    .filter(li -> li.getText().contains(TYPED))
                    .findFirst()
                    .orElse(null));
    assertEquals(
        "Hannah Ng", posted.findElement(By.cssSelector(".fn")).getText(), "the typed name");

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
