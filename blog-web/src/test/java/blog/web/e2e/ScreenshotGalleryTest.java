package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.seed.SeedContent;
import blog.core.testing.DbKind;
import blog.core.testing.TestDatabase;
import blog.core.text.MarkdownRenderer;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Every kind of public page and the admin's screens, on the seed blog and on a blog holding
 * WordPress's Theme Unit Test data, at 1280 and 390 CSS pixels (some also in the dark colour
 * scheme, and an article as printed): each kept as a full-page PNG under target/gallery/ with an
 * index.html to look through them, and each checked: no sideways scrolling at 390 pixels, nothing
 * in the browser's console, valid HTML with the policy (Nu Html Checker, once a page: the HTML does
 * not depend on the width) and no serious or critical accessibility problem (axe, at both widths).
 * Every problem of every page is reported together, after the gallery is written.
 */
class ScreenshotGalleryTest extends BrowserTestBase {
  private static final Path GALLERY = Path.of("target", "gallery");
  private static final int PHONE = 390;
  private static final int DESKTOP = 1280;

  /** An A4 page's width in CSS pixels, for the printed article. */
  private static final int A4 = 794;

  private static final String LONG_WORD =
      "Pneumonoultramicroscopicsilicovolcanoconiosis" + "Supercalifragilisticexpialidocious";

  private final List<Shot> shots = new ArrayList<>();
  private TestDatabase themeDb;
  private TestServer themeServer;
  private long seedBusyPost;
  private String seedPage;
  private User seedAdmin;
  private User themeAdmin;

  /** A page kept: which blog, its name, the width, where it was, the PNG's file name. */
  private record Shot(String blog, String name, int width, String path, String file) {}

  /** A page of a blog to visit: its name in the gallery and its path. */
  private record Visit(String name, String path) {}

  @Override
  protected void prepare() {
    Instant at = Instant.now().minus(3, ChronoUnit.DAYS);
    long author = fixtures.author("Tess Threads");
    seedBusyPost =
        fixtures.post(
            author,
            "A discussion that goes deep",
            PostStatus.PUBLISHED,
            at,
            List.of("Conversations", "Social Media"),
            List.of("threads"));
    String body =
        "People answered each other for a while, with words like "
            + LONG_WORD
            + ". Here is the table they argued over:\n\n"
            + "| Plan | Reach | Replies | Shares | Notes |\n|---|---|---|---|---|\n"
            + "| Quantity | 12,000 | 14 | 3 | Many readers, few of them staying |\n"
            + "| Quality | 900 | 212 | 48 | Conversations that last |\n";
    db.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE posts SET body_markdown = :md, body_html = :html WHERE id = :id")
                    .bind("md", body)
                    .bind("html", new MarkdownRenderer().render(body))
                    .bind("id", seedBusyPost)
                    .execute());
    Long parent = null;
    for (int depth = 1; depth <= 8; depth++) {
      parent =
          fixtures.comment(
              seedBusyPost,
              parent,
              depth % 2 == 0 ? "Rob Replies" : "Rita Responds",
              depth == 4
                  ? "A word too long for a phone: "
                      + LONG_WORD
                      + " and a link https://example.org/"
                      + "a/very/long/path/that/does/not/break/anywhere/on/its/own/at/all"
                  : "Reply at depth " + depth + ", with a few more words to wrap a line or two.",
              at.plusSeconds(60L * depth));
    }
    for (int i = 1; i <= 6; i++) {
      fixtures.comment(
          seedBusyPost, null, "Reader " + i, "Another view, number " + i + ".", at.plusSeconds(i));
    }
    long page =
        fixtures.postWithBody(
            author, "About this blog", "Who writes here, and why.", PostStatus.PUBLISHED, at);
    db.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE posts SET post_type = 'page' WHERE id = :id")
                    .bind("id", page)
                    .execute());
    seedPage =
        "/" + new PostRepository(db.database().jdbi()).findById(page).orElseThrow().slug() + "/";
    seedAdmin = new StaffBrowsers(db.database().jdbi(), server).account(Role.ADMIN, "Gail Gallery");

    themeDb = TestDatabase.create(DbKind.H2);
    themeServer = TestServer.start(themeDb.database(), Map.of(), Clock.systemUTC());
    ThemeUnitTestData.importInto(themeDb);
    themeAdmin =
        new StaffBrowsers(themeDb.database().jdbi(), themeServer).account(Role.ADMIN, "Theo Theme");
  }

  @AfterAll
  void stopThemeBlog() {
    if (themeServer != null) {
      themeServer.close();
    }
    if (themeDb != null) {
      themeDb.close();
    }
  }

  @Test
  void theSeedBlog() {
    List<String> problems =
        gallery(
            "seed",
            server,
            ReaderJourneyTest.SEED,
            permalinkOf(seedBusyPost),
            seedPage,
            "/?s=networking",
            seedAdmin,
            seedPostId());
    assertTrue(problems.isEmpty(), "the seed blog's pages:\n  " + String.join("\n  ", problems));
  }

  @Test
  void theThemeUnitTestBlog() {
    String comments = themePermalink("template-comments");
    List<String> problems =
        gallery(
            "theme",
            themeServer,
            themePermalink("markup-html-tags-and-formatting"),
            comments,
            "/about/",
            "/?s=template",
            themeAdmin,
            themePostId("template-comments"));
    assertTrue(
        problems.isEmpty(),
        "the Theme Unit Test blog's pages:\n  " + String.join("\n  ", problems));
  }

  private long seedPostId() {
    return new PostRepository(db.database().jdbi())
        .findVisibleBySlug(SeedContent.SLUG, Instant.now())
        .orElseThrow()
        .id();
  }

  private long themePostId(String slug) {
    return new PostRepository(themeDb.database().jdbi())
        .findVisibleBySlug(slug, Instant.now())
        .orElseThrow()
        .id();
  }

  private String themePermalink(String slug) {
    return ThemeUnitTestData.permalink(themeDb, slug);
  }

  /**
   * Keeps and checks every page of one blog at both widths: the public pages as a new reader, then
   * the admin's screens logged in as {@code admin}; answers the problems found.
   */
  private List<String> gallery(
      String blog,
      TestServer at,
      String article,
      String busyPost,
      String page,
      String search,
      User admin,
      long editedPostId) {
    forgetEveryone();
    List<String> problems = new ArrayList<>();
    // The archives this blog has, from the links on its busiest post.
    driver.get(at.url(busyPost));
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
    visitAll(blog, at, pages, problems);
    // As a reader whose system prefers dark sees them, and an article as printed on A4.
    Looks.colourScheme(driver, "dark");
    visitAll(
        blog,
        at,
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
      driver.get(at.url(visit.path()));
      waitUntil(d -> "complete".equals(js("return document.readyState")));
      String file = blog + "-" + visit.name() + "-" + A4 + ".png";
      keepFullPage(GALLERY.resolve(file));
      shots.add(new Shot(blog, visit.name(), A4, visit.path(), file));
    }
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    Looks.screen(driver);

    driver.get(at.url("/admin/login"));
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
    visitAll(blog, at, screens, problems);
    Looks.colourScheme(driver, "dark");
    visitAll(
        blog,
        at,
        List.of(
            new Visit("admin-posts-dark", "/admin/posts"),
            new Visit("admin-moderation-dark", "/admin/comments")),
        problems);
    Looks.screen(driver);
    forgetEveryone();
    writeIndex();
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
  private void visitAll(String blog, TestServer at, List<Visit> visits, List<String> problems) {
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
        driver.get(at.url(visit.path()));
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

  /** target/gallery/index.html: every PNG kept so far, captioned, blog by blog. */
  private void writeIndex() {
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
    try {
      Files.createDirectories(GALLERY);
      Files.writeString(GALLERY.resolve("index.html"), html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
