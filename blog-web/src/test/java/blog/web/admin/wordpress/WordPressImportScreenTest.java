package blog.web.admin.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.user.Role;
import blog.web.testing.Browser;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.WebTestBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
    String boundary = "----test" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
            + csrf
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"export.xml\""
            + "\r\nContent-Type: text/xml\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(bytes);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return browser.send(
        HttpRequest.newBuilder(URI.create(server.url("/admin/import")))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Origin", server.url("").replaceAll("/$", ""))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }
}
