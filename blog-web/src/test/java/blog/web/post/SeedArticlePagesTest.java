package blog.web.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.seed.SeedContent;
import blog.web.testing.WebTestBase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A newcomer's first visit: the seeded article site, untouched by other tests. */
class SeedArticlePagesTest extends WebTestBase {
  static final String PERMALINK =
      "/2011/09/14/why-quality-social-networking-beats-quantity-every-time/";

  @Test
  void homeListsTheSeedArticleWithALinkToItsPermalink() {
    String home = server.page("/");
    assertTrue(home.contains("<title>Social Sense</title>"), home);
    assertTrue(
        home.contains(
            "<a href=\"" + PERMALINK + "\" rel=\"bookmark\">" + SeedContent.TITLE + "</a>"),
        home);
    assertTrue(home.contains("If you read this blog, I think you’re savvy enough"), home);
    assertTrue(home.contains("2 responses"), home);
  }

  @Test
  void permalinkShowsTheArticleAndItsTwoResponsesInOrder() {
    HttpResponse<String> response = server.get(PERMALINK);
    assertEquals(200, response.statusCode());
    assertEquals(
        "text/html;charset=utf-8",
        response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
    String page = response.body();
    assertTrue(
        page.contains(
            "<h1 class=\"entry-title p-name\" itemprop=\"headline\">"
                + SeedContent.TITLE
                + "</h1>"),
        page);
    assertTrue(page.contains("<p>If you read this blog, I think you’re savvy enough"), page);
    assertTrue(
        page.contains("<p>I disagree with this well preached approach for two pretty fundamental"),
        page);
    assertTrue(
        page.contains(
            "<p>I propose anyone starting out now on their digital journey to do the same.</p>"),
        page);
    assertTrue(
        page.contains("2 responses to “Why quality social networking beats quantity every time”"),
        page);
    int first = page.indexOf("As a newbie to this social networking");
    int second = page.indexOf("I am with you. How sincere is it to have over 1000");
    assertTrue(first > 0 && second > first, "both responses, oldest first");
    assertTrue(page.contains("September 14, 2011"), "the post's date");
    assertTrue(page.contains(">Editor</span>"), "the author");
    assertTrue(
        page.contains("<a href=\"/category/social-media/\" rel=\"category tag\">Social Media</a>"));
    assertTrue(page.contains("<a href=\"/tag/twitter/\" rel=\"tag\">Twitter</a>"));
  }

  @Test
  void eachResponseHasAnAvatarAndADateLinkedToItsAnchor() {
    String page = server.page(PERMALINK);
    int sarah = page.indexOf("<span itemprop=\"name\">Sarah</span></b>");
    assertTrue(sarah > 0, page);
    String item = page.substring(page.lastIndexOf("<li id=\"comment-", sarah), sarah);
    String id = item.substring("<li id=\"".length(), item.indexOf('"', "<li id=\"".length()));
    assertTrue(page.contains("<a class=\"comment-date\" href=\"#" + id + "\">"), page);
    assertTrue(item.contains("<img class=\"avatar\" src=\"/avatar/"), item);
  }

  @Test
  void sidebarListsRecentPostsCategoriesAndArchives() {
    String home = server.page("/");
    assertTrue(home.contains("Recent Posts"));
    assertTrue(home.contains("<a href=\"/category/social-media/\">Social Media</a> (1)"), home);
    assertTrue(home.contains("<a href=\"/2011/09/\">September 2011</a>"), home);
  }

  @Test
  void archivesOfTheArticleListIt() {
    for (String path :
        new String[] {"/2011/09/", "/2011/", "/category/social-media/", "/tag/linkedin/"}) {
      String page = server.page(path);
      assertTrue(page.contains(SeedContent.TITLE), path);
    }
    assertTrue(server.page("/2011/09/").contains("Monthly Archives: September 2011"));
    assertTrue(server.page("/tag/linkedin/").contains("Tag Archives: LinkedIn"));
  }

  @Test
  void wrongDayInThePermalinkMovesPermanentlyToTheRightOne() {
    HttpResponse<String> response =
        server.get("/2011/09/15/why-quality-social-networking-beats-quantity-every-time/");
    assertEquals(301, response.statusCode());
    assertTrue(response.headers().firstValue("Location").orElse("").endsWith(PERMALINK));
  }

  @Test
  void theStylesheetIsServedWithLongCachingUnderItsVersionedUrl() {
    String home = server.page("/");
    int start = home.indexOf("/assets/css/blog.css?v=");
    String url = home.substring(start, home.indexOf('"', start));
    HttpResponse<String> css = server.get(url);
    assertEquals(200, css.statusCode());
    assertTrue(css.body().contains(".site-header"));
    assertEquals(
        "public, max-age=31536000, immutable",
        css.headers().firstValue("Cache-Control").orElse(""));
    assertFalse(css.headers().firstValue("ETag").orElse("").isEmpty());
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String path : new String[] {"/", PERMALINK, "/no-such-page/", "/healthz", "/readyz"}) {
      HttpResponse<String> response = server.get(path);
      String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("object-src 'none'") && csp.contains("frame-ancestors 'none'"), path);
      assertTrue(!csp.contains("'unsafe-inline'"), path);
      assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
      assertFalse(response.headers().firstValue("Referrer-Policy").orElse("").isEmpty(), path);
    }
  }

  @Test
  void liveAndReadyWhileTheDatabaseIsMigratedAndUp() {
    HttpResponse<String> live = server.get("/healthz");
    assertEquals(200, live.statusCode());
    assertEquals("ok\n", live.body());
    HttpResponse<String> ready = server.get("/readyz");
    assertEquals(200, ready.statusCode());
    assertEquals("ready\n", ready.body());
    assertEquals("no-store", ready.headers().firstValue("Cache-Control").orElse(""));
  }
}
