package blog.web.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.seed.SeedContent;
import blog.core.testing.DbKind;
import blog.core.testing.MutableClock;
import blog.core.testing.TestDatabase;
import blog.web.testing.Browser;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A theme folder in front of the built-in templates and static files, over HTTP: what it holds is
 * used, what it lacks comes from the jar, changes show on the next request (kept pages too), and a
 * broken template costs readers nothing while staff are told where it broke. The theme is the same
 * on every database, so H2 alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThemeTest {
  private static final Pattern STYLESHEET =
      Pattern.compile("<link rel=\"stylesheet\" href=\"(/assets/css/blog\\.css\\?v=[0-9a-f]+)\">");

  private Path folder;
  private Path theme;
  private final MutableClock clock = new MutableClock(TestServer.NOW);
  private TestDatabase db;
  private TestServer server;

  @BeforeAll
  void start() throws IOException {
    folder = Files.createTempDirectory("theme-test");
    theme = Files.createDirectories(folder.resolve("theme"));
    Files.createDirectories(theme.resolve("templates"));
    Files.createDirectories(theme.resolve("static"));
    db = TestDatabase.create(DbKind.H2);
    server = TestServer.start(db.database(), Map.of("theme.dir", theme.toString()), clock);
  }

  @AfterAll
  void stop() throws IOException {
    server.close();
    db.close();
    try (var files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** Writes a theme file and lets the once-a-second look at the folder come round. */
  private void write(String path, String text) throws IOException {
    Path file = theme.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    clock.advance(Duration.ofSeconds(2));
  }

  private void delete(String path) throws IOException {
    Files.deleteIfExists(theme.resolve(path));
    clock.advance(Duration.ofSeconds(2));
  }

  private static String stylesheet(String page) {
    Matcher m = STYLESHEET.matcher(page);
    assertTrue(m.find(), "no stylesheet link");
    return m.group(1);
  }

  @Test
  void aThemeTemplateAndAPartialReplaceTheBuiltInOnesAndTheRestComeFromTheJar() throws Exception {
    write(
        "templates/footer.peb",
        "<footer class=\"theme-footer\">Footer of {{ site.title }}</footer>");
    write(
        "templates/error/404.peb",
        "{% extends \"layout\" %}{% block content %}<h1>Lost in the theme</h1>{% endblock %}");
    try {
      String home = server.page("/");
      assertTrue(home.contains("<footer class=\"theme-footer\">Footer of "), home);
      assertFalse(home.contains("Powered by our own little blog engine"), "built-in footer gone");
      assertTrue(home.contains(SeedContent.TITLE), "the home page itself is the built-in one");

      HttpResponse<String> lost = server.get("/no-such-page-here/");
      assertEquals(404, lost.statusCode());
      assertTrue(lost.body().contains("<h1>Lost in the theme</h1>"), lost.body());
      assertTrue(lost.body().contains("theme-footer"), "the built-in layout includes the theme's");
      assertTrue(
          lost.body().contains("class=\"sidebar\""), "layout from the jar, with its sidebar");
    } finally {
      delete("templates/footer.peb");
      delete("templates/error/404.peb");
    }
    assertTrue(server.page("/").contains("Powered by our own little blog engine"), "back again");
  }

  @Test
  void aChangedThemeFileShowsOnTheNextRequestEvenForAKeptPage() throws Exception {
    write("templates/footer.peb", "<footer>First footer</footer>");
    try {
      assertTrue(new Browser(server).page("/").contains("First footer"));
      HttpResponse<String> kept = new Browser(server).get("/");
      assertEquals("hit", kept.headers().firstValue("X-Page-Cache").orElse(""), "kept page");

      write("templates/footer.peb", "<footer>Second, longer footer</footer>");
      HttpResponse<String> next = new Browser(server).get("/");
      assertTrue(next.body().contains("Second, longer footer"), next.body());
      assertFalse(next.body().contains("First footer"));
    } finally {
      delete("templates/footer.peb");
    }
  }

  @Test
  void themeStaticFilesReplaceAndAddAssetsUnderVersionedUrls() throws Exception {
    String builtIn = stylesheet(server.page("/"));
    write("static/css/blog.css", "body { color: rebeccapurple; }\n");
    write("static/img/mark.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
    write(
        "templates/footer.peb",
        "<footer><img src=\"{{ asset('img/mark.svg') }}\" alt=\"\"></footer>");
    try {
      String page = server.page("/");
      String themed = stylesheet(page);
      assertNotEquals(builtIn, themed, "a new file, a new URL");
      HttpResponse<String> css = server.get(themed);
      assertEquals(200, css.statusCode());
      assertEquals("body { color: rebeccapurple; }\n", css.body());
      assertEquals("text/css; charset=utf-8", css.headers().firstValue("Content-Type").orElse(""));
      assertEquals(
          "public, max-age=31536000, immutable",
          css.headers().firstValue("Cache-Control").orElse(""));

      Matcher img = Pattern.compile("src=\"(/assets/img/mark\\.svg\\?v=[0-9a-f]+)\"").matcher(page);
      assertTrue(img.find(), page);
      HttpResponse<String> svg = server.get(img.group(1));
      assertEquals(200, svg.statusCode());
      assertEquals("image/svg+xml", svg.headers().firstValue("Content-Type").orElse(""));
      assertTrue(svg.body().startsWith("<svg"));

      write("static/css/blog.css", "body { color: darkslateblue; }\n");
      String changed = stylesheet(server.page("/"));
      assertNotEquals(themed, changed, "the URL follows the file");
      assertEquals("body { color: darkslateblue; }\n", server.get(changed).body());
    } finally {
      delete("static/css/blog.css");
      delete("templates/footer.peb");
    }
    assertEquals(builtIn, stylesheet(server.page("/")), "the built-in file again");
  }

  @Test
  void onlyFilesInsideTheThemesStaticFolderAreServed() throws Exception {
    Files.writeString(folder.resolve("secret.txt"), "outside the theme");
    Files.writeString(theme.resolve("secret.txt"), "theme root, not static");
    write("static/.hidden.txt", "hidden");
    write("static/ok.txt", "inside");
    Files.createSymbolicLink(theme.resolve("static/link.txt"), folder.resolve("secret.txt"));
    try {
      assertEquals("inside", server.get("/assets/ok.txt").body(), "a new file is served");
      for (String path :
          new String[] {
            "/assets/../secret.txt",
            "/assets/%2e%2e/secret.txt",
            "/assets/..%2fsecret.txt",
            "/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
            "/assets/link.txt",
            "/assets/.hidden.txt",
            "/assets/css/..%2f..%2fsecret.txt",
          }) {
        HttpResponse<String> refused = server.get(path);
        assertNotEquals(200, refused.statusCode(), path);
        assertFalse(refused.body().contains("outside the theme"), path);
        assertFalse(refused.body().contains("theme root, not static"), path);
      }
    } finally {
      delete("static/.hidden.txt");
      delete("static/ok.txt");
      delete("static/link.txt");
    }
  }

  @Test
  void aBrokenThemeTemplateGivesReadersTheBuiltInPageAndStaffItsFileAndLine() throws Exception {
    var staff = new StaffBrowsers(db.database().jdbi(), server);
    Browser admin = staff.loggedIn(staff.account(Role.ADMIN, "Theme Editor"));
    write("templates/post/home.peb", "{% extends \"layout\" %}\n{% block content %}\n{% if %}\n");
    try (LogLines log = LogLines.of(ThemeTemplates.class)) {
      for (int i = 0; i < 2; i++) {
        HttpResponse<String> reader = new Browser(server).get("/");
        assertEquals(200, reader.statusCode());
        assertTrue(reader.body().contains(SeedContent.TITLE), "the built-in home page");
      }
      HttpResponse<String> shown = admin.get("/");
      assertEquals(500, shown.statusCode());
      String body = shown.body();
      assertTrue(body.contains("A theme template is broken"), body);
      assertTrue(body.contains("<code>templates/post/home.peb</code>"), body);
      assertTrue(body.contains("<dt>Line</dt><dd>3</dd>"), body);
      assertFalse(body.contains("at io.pebbletemplates"), "no stack trace");
      assertEquals(1, log.count("templates/post/home.peb line 3"), "logged once per change");

      write(
          "templates/post/home.peb",
          "{% extends \"layout\" %}\n{% block content %}{{ 1 / 0 }}{% endblock %}\n");
      assertTrue(new Browser(server).page("/").contains(SeedContent.TITLE));
      assertEquals(1, log.count("templates/post/home.peb line 2"), "a new change, logged again");
    } finally {
      delete("templates/post/home.peb");
    }
    assertEquals(200, admin.get("/").statusCode(), "fixed: staff read the page again");
  }
}
