package blog.web.e2e;

import blog.core.identity.User;
import blog.core.post.PostRepository;
import blog.web.testing.StaffBrowsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Every kind of public page and the admin's screens of one blog, at 1280 and 390 CSS pixels (some
 * also in the dark colour scheme, and an article as printed): each kept as a full-page PNG under
 * target/gallery/ with an index.html to look through them, and each checked: no sideways scrolling
 * at 390 pixels, nothing in the browser's console, valid HTML with the policy (Nu Html Checker,
 * once a page: the HTML does not depend on the width) and no serious or critical accessibility
 * problem (axe, at both widths). Every problem of every page is reported together, after the
 * gallery is written. One class a blog ({@link SeedBlogGalleryTest}, {@link ThemeBlogGalleryTest}),
 * so the two test JVMs draw them at once; the index shows every blog drawn so far.
 */
abstract class ScreenshotGallery extends BrowserTestBase {
  private static final Path GALLERY = Path.of("target", "gallery");
  private static final List<String> BLOGS = List.of("seed", "theme");
  private static final int PHONE = 390;
  private static final int DESKTOP = 1280;

  /** An A4 page's width in CSS pixels, for the printed article. */
  private static final int A4 = 794;

  static final String LONG_WORD =
      "Pneumonoultramicroscopicsilicovolcanoconiosis" + "Supercalifragilisticexpialidocious";

  private final List<Shot> shots = new ArrayList<>();

  /** A page kept: which blog, its name, the width, where it was, the PNG's file name. */
  private record Shot(String blog, String name, int width, String path, String file) {}

  /** A page of a blog to visit: its name in the gallery and its path. */
  private record Visit(String name, String path) {}

  /** The post with this slug, as visible now. */
  protected long postId(String slug) {
    return new PostRepository(db.database().jdbi())
        .findVisibleBySlug(slug, Instant.now())
        .orElseThrow()
        .id();
  }

  /**
   * Keeps and checks every page of one blog at both widths: the public pages as a new reader, then
   * the admin's screens logged in as {@code admin}; answers the problems found.
   */
  protected List<String> gallery(
      String blog,
      String article,
      String busyPost,
      String page,
      String search,
      User admin,
      long editedPostId) {
    forgetEveryone();
    List<String> problems = new ArrayList<>();
    // The archives this blog has, from the links on its busiest post.
    driver.get(server.url(busyPost));
    Map<String, String> links = archiveLinks();
    List<Visit> pages = new ArrayList<>();
    pages.add(new Visit("home", "/"));
    pages.add(new Visit("article", article));
    pages.add(new Visit("deep-threads", busyPost));
    pages.add(new Visit("category", links.get("category")));
    pages.add(new Visit("tag", links.get("tag")));
    pages.add(new Visit("month", links.get("day").replaceFirst("[0-9]{2}/$", "")));
    pages.add(new Visit("day", links.get("day")));
    pages.add(new Visit("author", links.get("author")));
    pages.add(new Visit("search", search));
    pages.add(new Visit("page", page));
    pages.add(new Visit("not-found", "/no/such/page/"));
    visitAll(blog, pages, problems);
    // As a reader whose system prefers dark sees them, and an article as printed on A4.
    Looks.colourScheme(driver, "dark");
    visitAll(
        blog,
        List.of(
            new Visit("home-dark", "/"),
            new Visit("article-dark", article),
            new Visit("deep-threads-dark", busyPost)),
        problems);
    Looks.print(driver);
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", A4, "height", 1123, "deviceScaleFactor", 1, "mobile", false));
    for (Visit visit :
        List.of(new Visit("article-print", article), new Visit("deep-threads-print", busyPost))) {
      driver.get(server.url(visit.path()));
      waitUntil(d -> "complete".equals(js("return document.readyState")));
      String file = blog + "-" + visit.name() + "-" + A4 + ".png";
      keepFullPage(GALLERY.resolve(file));
      shots.add(new Shot(blog, visit.name(), A4, visit.path(), file));
    }
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    Looks.screen(driver);

    driver.get(server.url("/admin/login"));
    type("#username", admin.username());
    type("#password", StaffBrowsers.PASSWORD);
    find(".admin-login button[type=submit]").click();
    waitUntil(d -> "/admin".equals(js("return location.pathname")));
    List<Visit> screens =
        List.of(
            new Visit("admin-dashboard", "/admin"),
            new Visit("admin-posts", "/admin/posts"),
            new Visit("admin-editor", "/admin/posts/" + editedPostId + "/edit"),
            new Visit("admin-moderation", "/admin/comments"),
            new Visit("admin-settings", "/admin/settings"),
            new Visit("admin-import", "/admin/import"));
    visitAll(blog, screens, problems);
    Looks.colourScheme(driver, "dark");
    visitAll(
        blog,
        List.of(
            new Visit("admin-posts-dark", "/admin/posts"),
            new Visit("admin-moderation-dark", "/admin/comments")),
        problems);
    Looks.screen(driver);
    forgetEveryone();
    writeIndex(blog);
    return problems;
  }

  /** The links of the post shown now: its day, author, first category and first tag. */
  private Map<String, String> archiveLinks() {
    Map<String, String> links = new LinkedHashMap<>();
    links.put("day", path(".entry-meta a[href]"));
    links.put("author", path(".entry-meta a[rel~=author]"));
    links.put("category", path(".entry-footer a[rel~=category]"));
    links.put("tag", path(".entry-footer a[rel=tag]"));
    return links;
  }

  private String path(String css) {
    return (String) js("return new URL(document.querySelector(arguments[0]).href).pathname", css);
  }

  /** Each page at each width: kept, then checked. */
  private void visitAll(String blog, List<Visit> visits, List<String> problems) {
    for (int width : List.of(DESKTOP, PHONE)) {
      if (width == PHONE) {
        driver.executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of("width", PHONE, "height", 844, "deviceScaleFactor", 1, "mobile", true));
      } else {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
      }
      for (Visit visit : visits) {
        String label = blog + " " + visit.name() + " at " + width + " px (" + visit.path() + ")";
        driver.get(server.url(visit.path()));
        waitUntil(d -> "complete".equals(js("return document.readyState")));
        String file = blog + "-" + visit.name() + "-" + width + ".png";
        keepFullPage(GALLERY.resolve(file));
        shots.add(new Shot(blog, visit.name(), width, visit.path(), file));
        if (width == PHONE) {
          Object wider =
              js(
                  "const d = document.documentElement;"
                      + "return d.scrollWidth > d.clientWidth ? d.scrollWidth + ' > '"
                      + " + d.clientWidth + ': ' + [...document.querySelectorAll('body *')]"
                      + ".filter(e => e.getBoundingClientRect().right > d.clientWidth + 1)"
                      + ".slice(0, 5).map(e => e.tagName.toLowerCase()"
                      + " + (e.className ? '.' + e.className : '')).join(', ') : null;");
          if (wider != null) {
            problems.add(label + ": scrolls sideways, " + wider);
          }
        }
        for (String message : console(visit.name().equals("not-found"))) {
          problems.add(label + ": console: " + message);
        }
        try {
          if (width == DESKTOP) {
            checkPage(label);
          }
          checkAccessibility(label);
        } catch (AssertionError e) {
          problems.add(e.getMessage());
        }
      }
    }
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  /** What the console said since the last look: warnings aside, every error. */
  private List<String> console(boolean notFoundExpected) {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() < java.util.logging.Level.SEVERE.intValue()) {
        continue;
      }
      if (notFoundExpected && entry.getMessage().contains("status of 404")) {
        continue; // the not-found page itself
      }
      errors.add(entry.getMessage());
    }
    return errors;
  }

  /**
   * target/gallery/index.html: every PNG kept so far, captioned, blog by blog. Each class lists its
   * own blog's shots in {@code <blog>.shots} and writes the index from every list there, under a
   * lock, as the other blog's class may be finishing in another JVM at the same moment.
   */
  private void writeIndex(String blog) {
    try {
      Files.createDirectories(GALLERY);
      try (FileChannel lock =
          FileChannel.open(
              GALLERY.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        // Released when the channel closes.
        lock.lock();
        StringBuilder list = new StringBuilder();
        for (Shot shot : shots) {
          list.append(
              String.join(
                  "\t", shot.name(), String.valueOf(shot.width()), shot.path(), shot.file()));
          list.append('\n');
        }
        Files.writeString(GALLERY.resolve(blog + ".shots"), list, StandardCharsets.UTF_8);
        List<Shot> all = new ArrayList<>();
        for (String each : BLOGS) {
          Path shotList = GALLERY.resolve(each + ".shots");
          if (Files.exists(shotList)) {
            for (String line : Files.readAllLines(shotList, StandardCharsets.UTF_8)) {
              String[] f = line.split("\t", -1);
              all.add(new Shot(each, f[0], Integer.parseInt(f[1]), f[2], f[3]));
            }
          }
        }
        Files.writeString(GALLERY.resolve("index.html"), index(all), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String index(List<Shot> shots) {
    StringBuilder html = new StringBuilder();
    html.append(
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Screenshot gallery</title>
        <style>
        body { font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 2rem; }
        .shots { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
        figure { margin: 0; border: 1px solid #ddd; padding: .5rem; background: #fafafa; }
        figure img { display: block; width: 320px; height: auto; border: 1px solid #eee; }
        figure.w390 img { width: 195px; }
        figcaption { max-width: 320px; margin-top: .5rem; }
        </style></head><body>
        <h1>Screenshot gallery</h1>
        <p>Every public page kind and admin screen, on the seed blog and on WordPress's Theme Unit
        Test data, at 1280 and 390 CSS pixels; some again in the dark colour scheme (-dark) and an
        article as printed on A4 (-print). Select a picture for its full size.</p>
        """);
    String blog = null;
    for (Shot shot : shots) {
      if (!shot.blog().equals(blog)) {
        if (blog != null) {
          html.append("</div>\n");
        }
        blog = shot.blog();
        html.append("<h2>")
            .append(blog.equals("seed") ? "The seed blog" : "The Theme Unit Test blog")
            .append("</h2>\n<div class=\"shots\">\n");
      }
      html.append("<figure class=\"w")
          .append(shot.width())
          .append("\"><a href=\"")
          .append(shot.file())
          .append("\"><img src=\"")
          .append(shot.file())
          .append("\" alt=\"")
          .append(shot.name())
          .append(" at ")
          .append(shot.width())
          .append(" pixels\" loading=\"lazy\"></a><figcaption><strong>")
          .append(shot.name())
          .append("</strong>, ")
          .append(shot.width())
          .append(" px<br><code>")
          .append(shot.path().replace("&", "&amp;").replace("<", "&lt;"))
          .append("</code></figcaption></figure>\n");
    }
    if (blog != null) {
      html.append("</div>\n");
    }
    html.append("</body></html>\n");
    return html.toString();
  }
}
