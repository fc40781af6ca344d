package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.post.PostStatus;
import blog.core.site.AccentColor;
import blog.core.site.SiteLook;
import blog.web.testing.StaffBrowsers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A reader whose system is set to dark gets a dark page ({@code prefers-color-scheme: dark}): other
 * colours than by day, every text at AA contrast or better, and the owner's accent colour kept,
 * lightened just enough to read on the dark background. The admin's screens follow.
 */
class DarkModeTest extends BrowserTestBase {
  private static final String ACCENT = "#8a3b12";

  /** Text of every kind a reader meets: content, meta lines, labels, hints, buttons, links. */
  private static final String TEXT =
      "p, li, a, h1, h2, h3, label, time, button, .entry-meta, .comment-meta, .field-hint,"
          + " .widget-title, .site-description, .site-footer, th, td, code";

  private String permalink;
  private User admin;

  @Override
  protected void prepare() {
    settings().putAll(Map.of(SiteLook.ACCENT, ACCENT));
    Instant at = Instant.now().minus(2, ChronoUnit.DAYS);
    admin = new StaffBrowsers(db.database().jdbi(), server).account(Role.ADMIN, "Dana Dark");
    long post =
        fixtures.postWithBody(
            admin.id(),
            "Reading at night",
            "Some *text* with [a link](https://example.org/) and `code`.\n\n"
                + "> A quotation.\n\n| Column | Other |\n|---|---|\n| a | b |",
            PostStatus.PUBLISHED,
            at);
    permalink = permalinkOf(post);
    fixtures.comment(post, null, "Nora Night", "Dark mode, *finally*.", at.plusSeconds(60));
  }

  @AfterEach
  void backToDaylight() {
    if (driver != null) {
      Looks.screen(driver);
    }
  }

  @Test
  void aReaderWhoPrefersDarkGetsADarkPageAtAaContrastInTheOwnersColour() {
    Looks.colourScheme(driver, "light");
    open(permalink);
    Map<?, ?> day = colours();
    Looks.colourScheme(driver, "dark");
    open(permalink);
    Map<?, ?> night = colours();

    assertNotEquals(day.get("background"), night.get("background"), "the page is not white");
    assertNotEquals(day.get("text"), night.get("text"));
    assertTrue(
        (Boolean) js("return matchMedia('(prefers-color-scheme: dark)').matches"),
        "the page is shown as to a reader who prefers dark");
    // The owner's colour by day; by night its tint that reads on the dark page.
    assertEquals(rgb(ACCENT), day.get("link"));
    String tint = AccentColor.tintFor(ACCENT, "#15171a", 6.0);
    assertEquals(rgb(tint), night.get("link"), "the owner's accent, lightened");
    assertTrue(AccentColor.contrast(tint, "#15171a") >= 4.5);

    List<Map<String, Object>> low = Looks.belowContrast(driver, TEXT, 4.5);
    assertTrue(low.isEmpty(), "text below 4.5:1 in the dark: " + low);
    // The reply form's button: dark text on the light accent.
    List<Map<String, Object>> button = Looks.contrasts(driver, "#submit");
    assertEquals(1, button.size());
    assertTrue(((Number) button.get(0).get("ratio")).doubleValue() >= 4.5, button.toString());
    checkAccessibility("an article in the dark");
  }

  @Test
  void theAdminsScreensAreDarkToo() {
    Looks.colourScheme(driver, "dark");
    logInToAdmin(admin.username(), StaffBrowsers.PASSWORD);
    for (String path : List.of("/admin/posts", "/admin/comments", "/admin/settings")) {
      open(path);
      assertEquals(rgb("#15171a"), colours().get("background"), path);
      List<Map<String, Object>> low = Looks.belowContrast(driver, TEXT + ", legend, summary", 4.5);
      assertTrue(low.isEmpty(), path + ": text below 4.5:1 in the dark: " + low);
      checkAccessibility(path + " in the dark");
    }
  }

  private Map<?, ?> colours() {
    return (Map<?, ?>)
        js(
            "const s = e => getComputedStyle(document.querySelector(e));"
                + "return {background: s('body').backgroundColor, text: s('body').color,"
                + " link: document.querySelector('.entry-content a')"
                + "   ? s('.entry-content a').color : null};");
  }

  private static String rgb(String hex) {
    return "rgb("
        + Integer.parseInt(hex.substring(1, 3), 16)
        + ", "
        + Integer.parseInt(hex.substring(3, 5), 16)
        + ", "
        + Integer.parseInt(hex.substring(5, 7), 16)
        + ")";
  }
}
