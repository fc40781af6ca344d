package blog.web.admin.moderation;

import static blog.web.testing.StaffBrowsers.hidden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.media.MediaRepository;
import blog.core.media.MediaStore;
import blog.core.media.UploadResult;
import blog.core.post.PostStatus;
import blog.core.settings.SettingsEditor;
import blog.core.settings.SettingsForm;
import blog.core.site.SettingsRepository;
import blog.core.testing.Fixtures;
import blog.web.testing.Browser;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.RecordComponent;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * What a site owner changes on the settings screen without code — accent colour, footer text, full
 * posts or excerpts, the header's menu and logo — over HTTP: saved, shown on public pages at once
 * (kept pages included), and refused with a message when unusable.
 */
class SiteLookSettingsTest extends WebTestBase {
  private static final Pattern SITE_CSS =
      Pattern.compile("href=\"(/assets/site\\.css\\?v=[0-9a-f]+)\"");

  private StaffBrowsers staff;
  private User adminUser;
  private Browser admin;

  @Override
  protected void prepare() {
    staff = new StaffBrowsers(db.database().jdbi(), server);
    adminUser = staff.account(Role.ADMIN, "Ada Admin");
    admin = staff.loggedIn(adminUser);
  }

  /** The settings in force as the form sends them back untouched, menu rows aside. */
  private Map<String, String> currentForm() throws ReflectiveOperationException {
    SettingsForm current =
        new SettingsEditor(new SettingsRepository(db.database().jdbi())).current();
    Map<String, String> form = new HashMap<>();
    for (RecordComponent c : SettingsForm.class.getRecordComponents()) {
      form.put(c.getName(), (String) c.getAccessor().invoke(current));
    }
    form.put("_csrf", hidden(admin.page("/admin/settings"), "_csrf"));
    return form;
  }

  /** Posts the form with menu rows, each {order, target, label, url}. */
  private HttpResponse<String> save(Map<String, String> form, String[]... rows) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    form.forEach((k, v) -> fields.add(new SimpleEntry<>(k, v)));
    for (String[] row : rows) {
      fields.add(new SimpleEntry<>("menuOrder", row[0]));
      fields.add(new SimpleEntry<>("menuTarget", row[1]));
      fields.add(new SimpleEntry<>("menuLabel", row[2]));
      fields.add(new SimpleEntry<>("menuUrl", row[3]));
    }
    return admin.post("/admin/settings", fields);
  }

  private long page(String title) {
    long id =
        fixtures.post(
            fixtures.author("Page writer"),
            title,
            PostStatus.PUBLISHED,
            TestServer.NOW.minusSeconds(7200));
    db.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE posts SET post_type = 'page' WHERE id = :id")
                    .bind("id", id)
                    .execute());
    return id;
  }

  private String siteCss(String html) {
    Matcher m = SITE_CSS.matcher(html);
    assertTrue(m.find(), "the layout links the site's stylesheet");
    return m.group(1);
  }

  @Test
  void theAccentColourIsServedAsAVersionedStylesheet() throws Exception {
    Map<String, String> form = currentForm();
    form.put("accent", "#7A1F5C");
    assertEquals(303, save(form).statusCode());
    String url = siteCss(server.page("/"));
    HttpResponse<String> css = server.get(url);
    assertEquals(200, css.statusCode());
    assertTrue(css.body().contains("--accent:#7a1f5c"), css.body());
    assertTrue(css.headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"));
    assertEquals(
        "public, max-age=31536000, immutable",
        css.headers().firstValue("Cache-Control").orElseThrow());
    assertTrue(admin.page("/admin/settings").contains("value=\"#7a1f5c\""), "shown as stored");

    form.put("accent", "#1d5e2e");
    assertEquals(303, save(form).statusCode());
    String changed = siteCss(server.page("/"));
    assertFalse(changed.equals(url), "a new colour is a new URL");
    assertTrue(server.page(changed).contains("--accent:#1d5e2e"));
  }

  @Test
  void anUnusableOrTooLightColourIsRefusedKeepingWhatWasTyped() throws Exception {
    String title = Fixtures.unique("Kept Title");
    Map<String, String> form = currentForm();
    form.put("title", title);
    form.put("accent", "blue");
    HttpResponse<String> bad = save(form);
    assertEquals(422, bad.statusCode());
    assertTrue(bad.body().contains("Please give a colour as # and six hexadecimal digits"));

    form.put("accent", "#ffff00");
    HttpResponse<String> light = save(form, new String[] {"1", "link", "Shop", "/shop/"});
    assertEquals(422, light.statusCode());
    assertTrue(light.body().contains("This colour is too light"), light.body());
    assertTrue(light.body().contains("contrast 1.0:1, at least 4.5:1 is needed"));
    assertTrue(light.body().contains("value=\"#ffff00\""), "typed colour kept");
    assertTrue(light.body().contains("value=\"" + title + "\""), "typed title kept");
    assertTrue(light.body().contains("value=\"Shop\""), "typed menu row kept");
    assertFalse(server.page("/").contains(title), "nothing saved");
  }

  @Test
  void footerTextReplacesThePoweredByLineAsPlainText() throws Exception {
    Map<String, String> form = currentForm();
    form.put("footerText", "© <b>Social Sense</b> & friends");
    assertEquals(303, save(form).statusCode());
    String home = server.page("/");
    assertTrue(home.contains("© &lt;b&gt;Social Sense&lt;/b&gt; &amp; friends"), home);
    assertFalse(home.contains("Powered by"));

    form.put("footerText", "");
    assertEquals(303, save(form).statusCode());
    assertTrue(server.page("/").contains("Powered by"), "empty brings the line back");
  }

  @Test
  void theHomePageShowsWholePostsOrExcerpts() throws Exception {
    String permalink = publishedPost("Whole");
    Map<String, String> form = currentForm();
    assertTrue(
        admin
            .page("/admin/settings")
            .contains(">An excerpt of each post, with a link to read on<"));
    form.put("homeShows", "full");
    assertEquals(303, save(form).statusCode());
    String home = server.page("/");
    assertTrue(home.contains("<div class=\"entry-content\">"), "whole posts");
    assertFalse(home.contains("entry-summary"));
    assertTrue(server.page(permalink).contains("entry-content"), "a post's page unchanged");

    form.put("homeShows", "excerpts");
    assertEquals(303, save(form).statusCode());
    assertTrue(server.page("/").contains("entry-summary"));

    form.put("homeShows", "everything");
    assertEquals(422, save(form).statusCode());
  }

  @Test
  void theMenuShowsPagesAndLinksInOrderAndMarksTheCurrentPage() throws Exception {
    String aboutTitle = Fixtures.unique("About");
    long about = page(aboutTitle);
    String aboutPath =
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
    assertTrue(admin.page("/admin/settings").contains(">Page: " + aboutTitle + "</option>"));

    Map<String, String> form = currentForm();
    HttpResponse<String> saved =
        save(
            form,
            new String[] {"2", "page:" + about, "", ""},
            new String[] {"1", "link", "Home", "/"},
            new String[] {"3", "link", "Elsewhere", "https://example.org/x?a=1&b=2"},
            new String[] {"4", "", "", ""});
    assertEquals(303, saved.statusCode(), saved.body());

    String home = server.page("/");
    int nav = home.indexOf("<nav class=\"main-navigation\" aria-label=\"Menu\">");
    assertTrue(nav > 0, home);
    String menu = home.substring(nav, home.indexOf("</nav>", nav));
    assertTrue(menu.contains("<a href=\"/\" aria-current=\"page\">Home</a>"), menu);
    int first = menu.indexOf(">Home<");
    int second = menu.indexOf(">" + aboutTitle + "<");
    int third = menu.indexOf(">Elsewhere<");
    assertTrue(first < second && second < third, "ordered by place: " + menu);
    assertTrue(menu.contains("href=\"https://example.org/x?a=1&amp;b=2\""));

    String aboutPage = server.page(aboutPath);
    assertTrue(
        aboutPage.contains("<a href=\"" + aboutPath + "\" aria-current=\"page\">" + aboutTitle),
        "the page's own item is current");
    assertFalse(aboutPage.contains("<a href=\"/\" aria-current"));

    String settings = admin.page("/admin/settings");
    assertTrue(settings.contains("<option value=\"page:" + about + "\" selected>"), "rows shown");
    assertTrue(settings.contains("value=\"Elsewhere\""));

    // A row set to "no item" is removed.
    assertEquals(
        303,
        save(
                form,
                new String[] {"1", "", "Home", "/"},
                new String[] {"2", "link", "Only", "/only/"})
            .statusCode());
    String after = server.page("/");
    assertTrue(after.contains(">Only</a>"));
    assertFalse(after.contains(">Home</a>"));
  }

  @Test
  void aMenuLinkMustBeHttpOrASameSitePath() throws Exception {
    Map<String, String> form = currentForm();
    for (String url :
        List.of(
            "javascript:alert(1)", "//evil.example/", "ftp://example.org/", "no spaces/ok", "")) {
      HttpResponse<String> refused = save(form, new String[] {"1", "link", "Bad", url});
      assertEquals(422, refused.statusCode(), url);
      assertTrue(
          refused.body().contains("Please give a web address starting with https:// or http://"),
          url);
      assertTrue(refused.body().contains("value=\"Bad\""), "typed label kept");
    }
    HttpResponse<String> noLabel = save(form, new String[] {"1", "link", "", "/ok/"});
    assertEquals(422, noLabel.statusCode());
    assertTrue(noLabel.body().contains("Please give the words to show for this link."));
    HttpResponse<String> badOrder = save(form, new String[] {"first", "link", "A", "/a/"});
    assertEquals(422, badOrder.statusCode());
    assertTrue(badOrder.body().contains("value=\"first\""));
    assertFalse(server.page("/").contains(">Bad</a>"));
  }

  @Test
  void theLogoIsOneOfTheSitesOwnImagesWithTheSiteTitleAsAlt() throws Exception {
    BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    MediaStore media =
        new MediaStore(
            new MediaRepository(db.database().jdbi()),
            new SettingsRepository(db.database().jdbi()),
            Clock.fixed(TestServer.NOW, ZoneOffset.UTC));
    String path =
        ((UploadResult.Uploaded) media.upload(png.toByteArray(), "logo.png", "", adminUser.id()))
            .path();

    Map<String, String> form = currentForm();
    String title = Fixtures.unique("Logo & Co");
    form.put("title", title);
    form.put("logo", path);
    assertEquals(303, save(form).statusCode());
    String home = server.page("/");
    String escaped = title.replace("&", "&amp;");
    assertTrue(
        home.contains("<img class=\"custom-logo\" src=\"" + path + "\" alt=\"" + escaped + "\">"),
        home);
    assertEquals(200, server.get(path).statusCode());

    for (String other :
        List.of("https://elsewhere.example/logo.png", "/media/0000000000000000/none.png")) {
      form.put("logo", other);
      HttpResponse<String> refused = save(form);
      assertEquals(422, refused.statusCode(), other);
      assertTrue(refused.body().contains("an image uploaded to this site"));
    }
  }

  @Test
  void aKeptPageShowsASettingsChangeOnTheNextRequest() throws Exception {
    String permalink = publishedPost("Kept");
    Thread.sleep(800); // the version poll notices the new post
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!"hit"
        .equals(
            new Browser(server).get(permalink).headers().firstValue("X-Page-Cache").orElse(""))) {
      assertTrue(System.nanoTime() < deadline, "the page is never kept");
      Thread.sleep(50);
    }
    String footer = Fixtures.unique("Fresh footer");
    Map<String, String> form = currentForm();
    form.put("footerText", footer);
    form.put("accent", "#5b2a86");
    assertEquals(303, save(form, new String[] {"1", "link", "Fresh item", "/fresh/"}).statusCode());
    HttpResponse<String> next = new Browser(server).get(permalink);
    assertTrue(next.body().contains(footer), "the footer at once");
    assertTrue(next.body().contains(">Fresh item</a>"), "the menu at once");
    assertTrue(server.page(siteCss(next.body())).contains("--accent:#5b2a86"));
    assertFalse("hit".equals(next.headers().firstValue("X-Page-Cache").orElse("")));
  }
}
