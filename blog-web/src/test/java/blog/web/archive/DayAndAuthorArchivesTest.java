package blog.web.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.identity.UserRepository;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.site.SiteSettings;
import blog.web.testing.WebTestBase;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Daily archives ({@code /2011/09/14/}) and author archives ({@code /author/jane-doe/}), as
 * WordPress has them: paged like the other listings, kept by the page cache until the listing
 * changes, linked from every byline and listed in the sitemap.
 */
class DayAndAuthorArchivesTest extends WebTestBase {
  private long jane;

  @Override
  protected void prepare() {
    new SettingsRepository(db.database().jdbi()).putAll(Map.of(SiteSettings.POSTS_PER_PAGE, "2"));
    UserRepository users = new UserRepository(db.database().jdbi());
    jane = users.insert("jane.doe", "Jane Doe", null, Role.AUTHOR, Instant.EPOCH);
    long other = users.insert("otto", "Otto Other", null, Role.AUTHOR, Instant.EPOCH);
    users.insert("quiet.admin", "Quiet Admin", null, Role.ADMIN, Instant.EPOCH);
    post(jane, "Morning of the fourteenth", "2011-09-14T08:00:00Z");
    post(other, "Noon of the fourteenth", "2011-09-14T12:00:00Z");
    post(jane, "Evening of the fourteenth", "2011-09-14T20:00:00Z");
    post(jane, "The fifteenth", "2011-09-15T09:00:00Z");
    fixtures.post(jane, "Janes draft", PostStatus.DRAFT, null);
  }

  private void post(long author, String title, String at) {
    fixtures.post(author, title, PostStatus.PUBLISHED, Instant.parse(at));
  }

  @Test
  void aDayArchiveListsThatDaysPostsNewestFirstPageByPage() {
    String first = mainContent(server.page("/2011/09/14/"));
    assertTrue(first.contains("Daily Archives: September 14, 2011"), first);
    assertOrder(first, "Evening of the fourteenth", "Noon of the fourteenth");
    assertFalse(first.contains("Morning of the fourteenth"), "on page 2");
    assertFalse(first.contains("The fifteenth"));
    assertTrue(first.contains("href=\"/2011/09/14/page/2/\""), "a link to older posts");
    String second = mainContent(server.page("/2011/09/14/page/2/"));
    assertTrue(second.contains("Morning of the fourteenth"));
    assertTrue(second.contains("href=\"/2011/09/14/\""), "back to newer posts");
    assertEquals(404, server.get("/2011/09/14/page/3/").statusCode());
  }

  @Test
  void aDayThatIsNoDateOrHasNoPostsIsNotFound() {
    for (String path :
        List.of("/2011/09/13/", "/2011/02/30/", "/2011/13/01/", "/2011/09/1/", "/0000/01/01/")) {
      assertEquals(404, server.get(path).statusCode(), path);
    }
  }

  @Test
  void anAuthorArchiveListsTheirPostsUnderTheirNameByUsernameOrSlug() {
    String first = mainContent(server.page("/author/jane-doe/"));
    assertTrue(first.contains("<h1 class=\"page-title\">Author Archives: Jane Doe</h1>"), first);
    assertOrder(first, "The fifteenth", "Evening of the fourteenth");
    assertFalse(first.contains("Noon of the fourteenth"), "another author's");
    assertFalse(first.contains("Janes draft"));
    assertTrue(first.contains("href=\"/author/jane-doe/page/2/\""));
    String second = mainContent(server.page("/author/jane-doe/page/2/"));
    assertTrue(second.contains("Morning of the fourteenth"));
    assertEquals(404, server.get("/author/jane-doe/page/3/").statusCode());
    assertTrue(server.page("/author/jane.doe/").contains("Author Archives: Jane Doe"));
  }

  @Test
  void unknownAuthorsAndStaffWithoutPostsAreNotFound() {
    assertEquals(404, server.get("/author/nobody/").statusCode());
    assertEquals(404, server.get("/author/quiet-admin/").statusCode());
  }

  @Test
  void bylinesLinkTheDateToItsDayAndTheNameToTheAuthorsArchive() {
    String home = server.page("/");
    assertTrue(home.contains("<a href=\"/2011/09/15/\"><time"), home);
    assertTrue(home.contains("<a href=\"/author/jane-doe/\" rel=\"author\">Jane Doe</a>"), home);
    String single = server.page("/2011/09/15/" + slugOf("The fifteenth") + "/");
    assertTrue(single.contains("<a href=\"/2011/09/15/\"><time"), single);
    assertTrue(single.contains("href=\"/author/jane-doe/\" rel=\"author\""), single);
  }

  @Test
  void archivesAreKeptUntilTheListingChanges() {
    String path = "/author/otto/";
    server.get(path);
    assertEquals("hit", cacheState(server.get(path)), "the second reader gets the kept page");
    server.get("/2011/09/16/");
    long otto = new UserRepository(db.database().jdbi()).findByArchiveSlug("otto").get().id();
    post(otto, "Ottos second", "2011-09-16T10:00:00Z");
    HttpResponse<String> again = server.get(path);
    assertNotEquals("hit", cacheState(again));
    assertTrue(again.body().contains("Ottos second"), "a new post shows at once");
    assertTrue(server.page("/2011/09/16/").contains("Ottos second"));
    assertEquals("hit", cacheState(server.get("/2011/09/16/")));
  }

  @Test
  void theSitemapListsTheDaysAndAuthorsWithPosts() {
    String archives = sitemap();
    assertTrue(archives.contains("/2011/09/14/</loc>"), archives);
    assertTrue(archives.contains("/2011/09/15/</loc>"));
    assertTrue(archives.contains("/author/jane-doe/</loc>"));
    assertFalse(archives.contains("/author/quiet-admin/"), "no posts, no archive");
  }

  private String sitemap() {
    String sitemap = server.page("/sitemap.xml");
    return sitemap.contains("<sitemapindex") ? server.page("/sitemap-archives.xml") : sitemap;
  }

  private String slugOf(String title) {
    return db.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT slug FROM posts WHERE title = :t")
                    .bind("t", title)
                    .mapTo(String.class)
                    .one());
  }

  private static String cacheState(HttpResponse<String> response) {
    return response.headers().firstValue("X-Page-Cache").orElse("");
  }

  private static String mainContent(String page) {
    return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
  }

  private static void assertOrder(String page, String earlier, String later) {
    int a = page.indexOf(earlier);
    int b = page.indexOf(later);
    assertTrue(a >= 0 && b > a, "expected '" + earlier + "' before '" + later + "'");
  }
}
