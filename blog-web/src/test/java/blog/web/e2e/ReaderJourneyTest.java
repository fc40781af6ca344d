package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.PostStatus;
import blog.core.seed.SeedContent;
import blog.core.site.SiteSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** Journey 1: a reader finds the seed article and its responses, then older posts and archives. */
class ReaderJourneyTest extends BrowserTestBase {
  static final String SEED = "/2011/09/14/why-quality-social-networking-beats-quantity-every-time/";

  @Override
  protected void prepare() {
    settings().putAll(Map.of(SiteSettings.POSTS_PER_PAGE, "2"));
    long author = fixtures.author("Archivist");
    // Older than the seed article, so the home page starts with it and page 2 has more.
    fixtures.post(
        author,
        "Notes from spring 2010",
        PostStatus.PUBLISHED,
        Instant.parse("2010-05-10T09:00:00Z"),
        List.of("Notes"),
        List.of());
    fixtures.post(
        author,
        "First steps in March 2010",
        PostStatus.PUBLISHED,
        Instant.parse("2010-03-02T09:00:00Z"),
        List.of("Notes"),
        List.of());
  }

  @Test
  void aReaderOpensTheSeedArticleSeesItsResponsesThenPageTwoAndAnArchive() {
    open("/");
    checkPageAndAccessibility("home");
    assertEquals("Social Sense", driver.getTitle());
    List<WebElement> titles = findAll(".post .entry-title a");
    assertEquals(2, titles.size());
    assertEquals(SeedContent.TITLE, titles.get(0).getText());

    titles.get(0).click();
    waitForPath(SEED);
    checkPageAndAccessibility("post");
    assertEquals(SeedContent.TITLE, find("h1.entry-title").getText());
    assertEquals("2 responses to “" + SeedContent.TITLE + "”", find(".comments-title").getText());
    List<WebElement> responses = findAll(".comment-list > li.comment");
    assertEquals(2, responses.size());
    assertTrue(
        responses.get(0).getText().contains("As a newbie to this social networking"),
        responses.get(0).getText());
    assertTrue(responses.get(1).getText().contains("I am with you."));
    for (WebElement avatar : findAll(".comment .avatar")) {
      assertTrue(
          (Boolean) js("return arguments[0].complete && arguments[0].naturalWidth > 0", avatar),
          "avatar " + avatar.getAttribute("src") + " shows");
    }

    find(".site-title a").click();
    waitForPath("/");
    link("← Older posts").click();
    waitForPath("/page/2/");
    checkPageAndAccessibility("home, page 2");
    assertEquals("First steps in March 2010", find(".post .entry-title a").getText());
    assertFalse(link("Newer posts →").getAttribute("href").isEmpty());

    link("March 2010").click();
    waitForPath("/2010/03/");
    checkPageAndAccessibility("month archive");
    assertTrue(find(".page-title").getText().contains("March 2010"), find(".page-title").getText());
    assertEquals("First steps in March 2010", find(".post .entry-title a").getText());

    link("Notes").click();
    waitForPath("/category/notes/");
    checkPage("category archive");
    assertEquals(2, findAll(".post .entry-title a").size());
  }
}
