package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.testing.TestOidcServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * "Fill in your details below or click an icon to log in": every provider is a button with its own
 * icon, served by the blog itself, named for screen readers by the provider, in a row of equal,
 * quiet buttons that fits a desktop window (and, in {@link ProviderIconsOnAPhoneTest}, a 390-pixel
 * phone).
 */
class ProviderIconsTest extends BrowserTestBase {
  private static final List<String> BUILT_IN =
      List.of("wordpress", "google", "x", "facebook", "github");
  private static final Map<String, String> NAMES =
      Map.of(
          "wordpress", "WordPress.com",
          "google", "Google",
          "x", "X",
          "facebook", "Facebook",
          "github", "GitHub",
          "corp", "Corp ID");

  private final TestOidcServer corp = TestOidcServer.onFreePort().start();

  @Override
  protected Map<String, String> config() {
    Map<String, String> config = new HashMap<>();
    // Offered, never used here: no button is clicked, so no provider is asked anything.
    for (String id : BUILT_IN) {
      config.put("auth." + id + ".client-id", "blog");
      config.put("auth." + id + ".client-secret", "secret");
    }
    config.put("auth.oidc.corp.issuer", corp.issuer("corp").toString());
    config.put("auth.oidc.corp.client-id", "blog");
    config.put("auth.oidc.corp.client-secret", "blog-secret");
    config.put("auth.oidc.corp.label", "Corp ID");
    return config;
  }

  @AfterAll
  void stopProvider() {
    corp.close();
  }

  @Test
  void eachProviderIsAnIconButtonNamedForItsProvider() {
    open(ReplyFormLookTest.SEED);
    checkPageAndAccessibility("seed article with every provider's button");
    assertTrue(find(".comment-notes").getText().contains("click an icon to log in"));
    List<WebElement> buttons = findAll(".login-buttons button");
    assertEquals(6, buttons.size());
    for (String id : NAMES.keySet()) {
      WebElement button = find("button.login-" + id);
      assertEquals("Log in with " + NAMES.get(id), button.getAccessibleName(), id);
      String icon = BUILT_IN.contains(id) ? id : "openid";
      Map<?, ?> img =
          (Map<?, ?>)
              js(
                  "const i = arguments[0].querySelector('img');"
                      + "return {src: i.getAttribute('src'), alt: i.alt,"
                      + "  loaded: i.complete && i.naturalWidth > 0};",
                  button);
      assertTrue(
          img.get("src").toString().startsWith("/assets/icons/" + icon + ".svg?v="),
          id + ": " + img);
      assertEquals(Boolean.TRUE, img.get("loaded"), id + "'s icon shows: " + img);
      assertEquals("", img.get("alt"), "the button, not the picture, carries the name");
    }
    // Only a provider the OpenID icon alone would not name shows its name beside it.
    assertEquals("Corp ID", find("button.login-corp").getText());
    assertEquals("", find("button.login-github").getText());
  }

  @Test
  void theIconButtonsAreEqualQuietAndFitTheWidth() {
    open(ReplyFormLookTest.SEED);
    Map<?, ?> first = box("button.login-wordpress");
    for (String id : NAMES.keySet()) {
      Map<?, ?> button = box("button.login-" + id);
      assertEquals(num(first, "height"), num(button, "height"), 0.5, id + " as high: " + button);
      if (BUILT_IN.contains(id)) {
        assertEquals(num(first, "width"), num(button, "width"), 0.5, id + " as wide: " + button);
        assertEquals(num(button, "width"), num(button, "height"), 0.5, id + " square: " + button);
      }
      assertTrue(
          num(button, "height") >= 40 && num(button, "height") <= 48, "a fingertip: " + button);
      assertEquals("rgb(255, 255, 255)", button.get("background"), id + " is not filled");
      assertTrue(num(button, "left") >= 0, id + " on the screen: " + button);
      assertTrue(num(button, "right") <= num(button, "viewport"), id + " on the screen: " + button);
    }
    assertTrue(
        (Boolean) js("const e = document.documentElement; return e.scrollWidth <= e.clientWidth;"),
        "nothing scrolls sideways");
    keepPart(
        "#respond",
        ReplyFormLookTest.SHOTS.resolve(
            "seed-article-every-provider-" + browserOptions().width() + "-form.png"));
  }

  private Map<?, ?> box(String css) {
    return (Map<?, ?>)
        js(
            "const e = document.querySelector(arguments[0]);"
                + "const r = e.getBoundingClientRect();"
                + "return {left: r.left, right: r.right, width: r.width, height: r.height,"
                + "  background: getComputedStyle(e).backgroundColor,"
                + "  viewport: document.documentElement.clientWidth};",
            css);
  }

  private static double num(Map<?, ?> map, String key) {
    return ((Number) map.get(key)).doubleValue();
  }
}
