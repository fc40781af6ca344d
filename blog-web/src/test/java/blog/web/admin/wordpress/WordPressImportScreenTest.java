package blog.web.admin.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.web.testing.Browser;
import blog.web.testing.ImportUploads;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.WebTestBase;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An admin uploads WordPress's Theme Unit Test export at /admin/import, sees what was imported, and
 * readers find the posts and pages at their WordPress addresses; the export downloads.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WordPressImportScreenTest extends WebTestBase {
  private StaffBrowsers staff;
  private Browser admin;

  @Override
  protected void prepare() {
    staff = new StaffBrowsers(db.database().jdbi(), server);
    admin = staff.loggedIn(staff.account(Role.ADMIN, "Admin"));
  }

  @Test
  @Order(1)
  void onlyAdminsReachTheScreen() {
    Browser author = staff.loggedIn(staff.account(Role.AUTHOR, "Author"));
    assertEquals(403, author.get("/admin/import").statusCode());
    assertEquals(403, author.get("/admin/export").statusCode());
    String page = author.page("/admin/posts");
    assertEquals(
        403,
        upload(author, StaffBrowsers.hidden(page, "_csrf"), fixture("valid-wxr-1.1.xml"))
            .statusCode());
    HttpResponse<String> anonymous = new Browser(server).get("/admin/import");
    assertTrue(
        anonymous.headers().firstValue("Location").orElse("").startsWith("/admin/login"),
        "anonymous visitors are sent to log in: " + anonymous.statusCode());
    assertTrue(admin.page("/admin").contains("href=\"/admin/import\""));
  }

  @Test
  @Order(2)
  void anItemThatCannotBeImportedIsNamedAndTheOthersAreImported() {
    String odd = item(7002, "odd-one").replace("<wp:post_id>7002</wp:post_id>", "");
    byte[] file =
        wxr(item(7001, "before-odd") + odd + item(7003, "after-odd"))
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> imported = upload(admin, csrf(), file);
    assertEquals(200, imported.statusCode(), imported.body());
    assertTrue(imported.body().contains("Posts: 2 created, 0 already there"), imported.body());
    assertTrue(
        imported
            .body()
            .contains("<li>&quot;Post 7002&quot;: not imported: it has no &lt;wp:post_id&gt;</li>"),
        imported.body());
    Browser reader = new Browser(server);
    assertEquals(200, reader.get("/2020/05/01/after-odd/").statusCode());
  }

  @Test
  @Order(2)
  void aHostileFileIsRefusedWithItsReason() {
    String bomb =
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>"
            + "<rss><channel><item><title>&b;</title></item></channel></rss>";
    HttpResponse<String> refused = upload(admin, csrf(), bomb.getBytes(StandardCharsets.UTF_8));
    assertEquals(422, refused.statusCode());
    assertTrue(refused.body().contains("declares a document type"), refused.body());
    assertTrue(refused.body().contains("Nothing was imported."));
    HttpResponse<String> withoutToken = upload(admin, "forged", fixture("valid-wxr-1.1.xml"));
    assertEquals(403, withoutToken.statusCode());
  }

  @Test
  @Order(2)
  void aFileOverTheUploadLimitIsRefusedBeforeItIsRead() {
    long length = 65L * 1024 * 1024;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.url("/admin/import")))
            .header("Content-Type", "multipart/form-data; boundary=x")
            .header("Origin", server.url("").replaceAll("/$", ""))
            .POST(
                HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () ->
                            new java.io.ByteArrayInputStream(new byte[0]) {
                              private long left = length;

                              @Override
                              public synchronized int read(byte[] b, int off, int len) {
                                if (left == 0) {
                                  return -1;
                                }
                                int n = (int) Math.min(len, left);
                                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                                left -= n;
                                return n;
                              }
                            }),
                    length))
            .build();
    try {
      HttpResponse<String> refused = admin.send(request);
      assertEquals(413, refused.statusCode());
      assertTrue(refused.body().contains("import-wxr FILE"), refused.body());
    } catch (java.io.UncheckedIOException e) {
      // The server answers before the body has arrived and closes the connection; a client
      // still sending may see only the close.
    }
    assertTrue(admin.page("/admin/import").contains("Import from WordPress"), "still serving");
  }

  @Test
  @Order(3)
  void anUploadedExportIsImportedOnceAndReadersFindItsAddresses() {
    HttpResponse<String> first = upload(admin, csrf(), fixture("theme-unit-test-data.xml"));
    assertEquals(200, first.statusCode(), first.body());
    assertTrue(first.body().contains("Posts: 58 created, 0 already there"), first.body());
    assertTrue(first.body().contains("Pages: 21 created, 0 already there"));
    assertTrue(first.body().contains("Comments: 33 created, 0 already there"));

    HttpResponse<String> again = upload(admin, csrf(), fixture("theme-unit-test-data.xml"));
    assertTrue(again.body().contains("Posts: 0 created, 58 already there"), again.body());
    assertTrue(again.body().contains("Comments: 0 created, 33 already there"));

    Browser reader = new Browser(server);
    // Posts keep WordPress's day-and-name permalinks (the day in the blog's zone, here UTC:
    // WordPress filed this one under its local day, the 20th, which redirects).
    String post = reader.page("/2018/10/21/keyboard-navigation/");
    assertTrue(post.contains("Keyboard navigation"));
    assertEquals(
        "/2018/10/21/keyboard-navigation/",
        location(reader.get("/2018/10/20/keyboard-navigation/")));
    // WordPress linked this post under another name: that address leads to it.
    assertEquals(
        "/2018/11/01/blocks-formatting/",
        location(reader.get("/2018/11/02/block-category-formatting/")));
    // Pages live at /slug/; WordPress's nested addresses move there.
    String about = reader.page("/about/");
    assertTrue(about.contains("itemprop=\"headline\">About The Tests</h1>"), about);
    assertEquals("/page-with-comments/", location(reader.get("/about/page-with-comments/")));
    assertEquals("/level-3/", location(reader.get("/level-1/level-2/level-3/")));
    String withComments = reader.page("/page-with-comments/");
    assertTrue(withComments.contains("Contributor comment."), withComments);
    assertFalse(withComments.contains("nothing useful to say"), "held comments stay hidden");
    // A Greek slug became an ASCII one; the WordPress address still works.
    assertEquals(
        "/page-1811/",
        location(reader.get("/greek/%CE%B5%CF%80%CE%AF%CF%80%CE%B5%CE%B4%CE%BF-2/")));
    // Threads come through: a reply nested ten deep is on the page.
    assertTrue(reader.page("/2012/01/03/template-comments/").contains("Comment Depth 10"));
    // Sites with "post name" permalinks linked posts as /slug/.
    assertEquals("/2018/10/21/keyboard-navigation/", location(reader.get("/keyboard-navigation/")));
    assertEquals(
        "/2023/01/13/theme-block-category/", location(reader.get("/wp-6-1-theme-block-category/")));
    // WordPress's plain links lead to the imported posts and pages too.
    assertEquals("/2018/10/21/keyboard-navigation/", location(reader.get("/?p=1724")));
    assertEquals("/about/", location(reader.get("/?page_id=2")));
    // An id neither imported nor ours is missing, as on WordPress.
    assertEquals(404, reader.get("/?p=999999").statusCode());
    assertEquals(200, reader.get("/about/?p=1724").statusCode());
    // Pages are in the sitemap, at their own addresses.
    String sitemap = reader.page("/sitemap.xml");
    assertTrue(sitemap.contains("/about/</loc>"), sitemap);
    // Pages are not listed among the posts.
    String archive = reader.page("/2010/07/");
    assertFalse(archive.contains("href=\"/about/\""), archive);
    assertTrue(reader.page("/").contains("href=\"/2023/01/16/wp-6-1-font-size-scale/\""));
    // The admin's list marks pages.
    assertTrue(admin.page("/admin/posts?s=About+The+Tests").contains("published (page)"));
  }

  @Test
  @Order(4)
  void theExportDownloadsAsWxr() {
    HttpResponse<String> export = admin.get("/admin/export");
    assertEquals(200, export.statusCode());
    assertTrue(
        export.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
    assertTrue(
        export
            .headers()
            .firstValue("Content-Disposition")
            .orElse("")
            .startsWith("attachment; filename=\"blog-wordpress-export-"));
    assertTrue(export.body().contains("<wp:wxr_version>1.2</wp:wxr_version>"));
    assertTrue(export.body().contains("<wp:post_name><![CDATA[keyboard-navigation]]>"));
  }

  @Test
  @Order(5)
  void theScreenHasAProgressBarAndTheScriptThatFillsIt() {
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(admin.page("/admin/import"));
    org.jsoup.nodes.Element box = page.selectFirst("form.import-form .import-progress");
    assertTrue(box != null && box.hasAttr("hidden"), "hidden until the script shows it");
    assertTrue(page.selectFirst("label[for=import-bar] + progress#import-bar") != null);
    assertTrue(page.selectFirst("#import-status[role=status]") != null);
    String src = page.selectFirst("head script[src*=import]").attr("src");
    HttpResponse<String> script = admin.get(src);
    assertEquals(200, script.statusCode());
    assertTrue(script.body().contains("X-Import-Progress"), "the script asks for progress lines");
    assertTrue(script.body().contains("xhr.upload.addEventListener('progress'"));
  }

  /** Enough posts that the import takes a while after its first line is sent. */
  private static final int POSTS = 1500;

  @Test
  @Order(5)
  void theScriptsUploadGetsTheImportsProgressLineByLineAsItRunsThenThePage() throws Exception {
    StringBuilder items = new StringBuilder();
    for (int i = 1; i <= POSTS; i++) {
      items.append(item(900_000 + i, "progress-post-" + i));
    }
    byte[] file = wxr(items.toString()).getBytes(StandardCharsets.UTF_8);

    HttpResponse<InputStream> answer =
        admin.send(uploadRequest(csrf(), file, true), HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, answer.statusCode());
    assertEquals(
        "text/plain;charset=utf-8",
        answer.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
    try (java.io.BufferedReader in =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
      String first = in.readLine();
      assertTrue(first.startsWith("progress "), first);
      // The first line arrives while the import is still running (in its transaction, so far
      // invisible to others): a page written only at the end would come after the commit.
      assertEquals(
          0,
          (long)
              db.database()
                  .jdbi()
                  .withHandle(
                      h ->
                          h.createQuery(
                                  "SELECT COUNT(*) FROM posts WHERE slug LIKE 'progress-post-%'")
                              .mapTo(Long.class)
                              .one()),
          "the progress line came before the import was done");
      List<String> lines = new java.util.ArrayList<>(List.of(first));
      String next = first;
      while (!next.startsWith("done ")) {
        next = in.readLine();
        assertTrue(next != null, "the answer ends with a done line: " + lines);
        lines.add(next);
      }
      String done = lines.get(lines.size() - 1);
      assertEquals("done 200", done);
      long lastRead = -1;
      int lastItems = -1;
      for (String line : lines.subList(0, lines.size() - 1)) {
        String[] words = line.split(" ");
        assertEquals("progress", words[0], line);
        long read = Long.parseLong(words[1]);
        assertEquals(file.length, Long.parseLong(words[2]), "the file's size: " + line);
        int itemsRead = Integer.parseInt(words[3]);
        assertTrue(read >= lastRead && itemsRead >= lastItems, "moving forward: " + lines);
        assertTrue(read <= file.length);
        lastRead = read;
        lastItems = itemsRead;
      }
      assertTrue(lines.size() >= 10, "one line a percent or so: " + lines.size());
      assertEquals(POSTS, lastItems, "items counted up to the end");
      java.io.StringWriter pageAfter = new java.io.StringWriter();
      in.transferTo(pageAfter);
      assertTrue(pageAfter.toString().startsWith("<!DOCTYPE html>"), pageAfter.toString());
      assertTrue(
          pageAfter.toString().contains("Posts: " + POSTS + " created, 0 already there"),
          pageAfter.toString());
    }
  }

  @Test
  @Order(5)
  void aRefusedFileEndsTheProgressLinesWithItsStatusAndReason() {
    HttpResponse<String> refused =
        admin.send(
            uploadRequest(csrf(), "<rss><channel><item>".getBytes(StandardCharsets.UTF_8), true),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, refused.statusCode(), "the answer has begun before the file is read");
    String body = refused.body();
    int done = body.indexOf("done 422\n");
    assertTrue(done >= 0, body);
    String page = body.substring(done + "done 422\n".length());
    assertTrue(page.startsWith("<!DOCTYPE html>"), page);
    assertTrue(page.contains("Nothing was imported."), page);
  }

  private static String wxr(String items) {
    return """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
             xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
          <title>Progress blog</title>
          <link>http://example.org</link>
          <wp:wxr_version>1.2</wp:wxr_version>
          <wp:base_site_url>http://example.org</wp:base_site_url>
          <wp:base_blog_url>http://example.org</wp:base_blog_url>
          %s
        </channel>
        </rss>
        """
        .formatted(items);
  }

  private static String item(long id, String slug) {
    return """
        <item>
          <title>Post %d</title>
          <dc:creator><![CDATA[admin]]></dc:creator>
          <content:encoded><![CDATA[Text of post %d, long enough to be read in pieces.]]></content:encoded>
          <excerpt:encoded><![CDATA[]]></excerpt:encoded>
          <wp:post_id>%d</wp:post_id>
          <wp:post_date>2020-05-01 10:00:00</wp:post_date>
          <wp:post_date_gmt>2020-05-01 08:00:00</wp:post_date_gmt>
          <wp:comment_status>open</wp:comment_status>
          <wp:post_name>%s</wp:post_name>
          <wp:status>publish</wp:status>
          <wp:post_parent>0</wp:post_parent>
          <wp:post_type>post</wp:post_type>
        </item>
        """
        .formatted(id, id, id, slug);
  }

  private String csrf() {
    return StaffBrowsers.hidden(admin.page("/admin/import"), "_csrf");
  }

  private static String location(HttpResponse<String> response) {
    assertEquals(301, response.statusCode(), response.uri().toString());
    return response.headers().firstValue("Location").orElse("");
  }

  private static byte[] fixture(String name) {
    try (InputStream in = WordPressImportScreenTest.class.getResourceAsStream("/wxr/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> upload(Browser browser, String csrf, byte[] bytes) {
    return browser.send(uploadRequest(csrf, bytes, false));
  }

  /** The form's POST; with {@code progress} as the screen's script sends it. */
  private HttpRequest uploadRequest(String csrf, byte[] bytes, boolean progress) {
    return ImportUploads.request(server, csrf, bytes, progress);
  }
}
