package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.media.MediaRepository;
import blog.core.media.MediaStore;
import blog.core.media.UploadResult;
import blog.core.post.PostStatus;
import blog.core.site.MenuEntry;
import blog.core.site.SiteLook;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The home page dressed by its owner — an accent colour, a logo and a menu — in a real browser: the
 * menu reached by keyboard, the current item marked, nothing wider than the window. Kept as
 * screenshots under {@code target-shots/} at the worktree's root; {@link SiteLookOnAPhoneTest} at
 * 390 px.
 */
class SiteLookTest extends BrowserTestBase {
  static final Path SHOTS = Path.of("..", "target-shots");
  static final String ACCENT = "#8a3b12";

  private String aboutPath;

  @Override
  protected void prepare() {
    long author = fixtures.author("Page writer");
    long about =
        fixtures.postWithBody(
            author,
            "About",
            "Who writes here.",
            PostStatus.PUBLISHED,
            Instant.now().minusSeconds(86_400));
    db.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE posts SET post_type = 'page' WHERE id = :id")
                    .bind("id", about)
                    .execute());
    aboutPath =
        "/"
            + db.database()
                .jdbi()
                .withHandle(
                    h ->
                        h.createQuery("SELECT slug FROM posts WHERE id = :id")
                            .bind("id", about)
                            .mapTo(String.class)
                            .one())
            + "/";
    MediaStore media =
        new MediaStore(new MediaRepository(db.database().jdbi()), settings(), Clock.systemUTC());
    String logo = ((UploadResult.Uploaded) media.upload(logoPng(), "logo.png", "", author)).path();
    settings()
        .putAll(
            Map.of(
                SiteLook.ACCENT,
                ACCENT,
                SiteLook.LOGO,
                logo,
                SiteLook.FOOTER_TEXT,
                "© 2026 Social Sense · Words on people and networks",
                SiteLook.MENU,
                MenuEntry.format(
                    List.of(
                        MenuEntry.link("/", "Home"),
                        MenuEntry.page(about, ""),
                        MenuEntry.link("/category/social-media/", "Social media"),
                        MenuEntry.link("/feed/", "Subscribe"),
                        MenuEntry.link("https://example.org/contact", "Contact")))));
  }

  /** A round monogram in the accent colour, as an owner's logo might be. */
  private static byte[] logoPng() {
    BufferedImage image = new BufferedImage(160, 160, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.decode(ACCENT));
    g.fillOval(4, 4, 152, 152);
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(5));
    g.drawOval(16, 16, 128, 128);
    g.setFont(new Font(Font.SERIF, Font.BOLD, 64));
    String text = "SS";
    int w = g.getFontMetrics().stringWidth(text);
    g.drawString(text, 80 - w / 2, 102);
    g.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected String width() {
    return "1280";
  }

  @Test
  void theHomePageWearsTheOwnersColourLogoAndMenu() {
    open("/");
    checkPageAndAccessibility("home page with a menu, logo and accent colour");
    WebElement logo = find(".custom-logo");
    assertEquals("Social Sense", logo.getDomAttribute("alt"));
    assertTrue(
        (Boolean) js("return arguments[0].complete && arguments[0].naturalWidth > 0;", logo),
        "the logo loads");
    assertEquals(
        "rgb(138, 59, 18)",
        js("return getComputedStyle(document.querySelector('.more-link')).color;"),
        "links in the accent colour");
    assertEquals("page", find(".main-navigation a[href='/']").getDomAttribute("aria-current"));
    assertTrue(
        (Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth;"),
        "nothing wider than the window");
    keepFullPage(SHOTS.resolve("look-home-" + width() + ".png"));
    keepPart(".site-header", SHOTS.resolve("look-header-" + width() + ".png"));

    // The menu by keyboard: past the skip link and the logo and title, its items in order.
    open("/");
    List<String> reached = new java.util.ArrayList<>();
    for (int i = 0; i < 8 && reached.size() < 5; i++) {
      pressTab();
      WebElement at = focused();
      if (!at.findElements(org.openqa.selenium.By.xpath("ancestor::nav")).isEmpty()) {
        reached.add(at.getText());
      }
    }
    assertEquals(List.of("Home", "About", "Social media", "Subscribe", "Contact"), reached);
    assertEquals(
        "2px",
        js("return getComputedStyle(document.activeElement).outlineWidth;"),
        "a visible focus ring");

    link("About").click();
    waitForPath(aboutPath);
    assertEquals(
        "page",
        find(".main-navigation a[href='" + aboutPath + "']").getDomAttribute("aria-current"));
    assertTrue(findAll(".main-navigation a[href='/'][aria-current]").isEmpty());
    keepPart(".site-header", SHOTS.resolve("look-about-header-" + width() + ".png"));
  }
}
