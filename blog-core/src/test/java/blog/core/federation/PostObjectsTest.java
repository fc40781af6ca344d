package blog.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The featured image of a post as the Article's attachment. */
class PostObjectsTest {
  private static final String BASE = "https://blog.example";

  @Test
  void theFirstImageOnTheSiteOrTheWebIsTheFeaturedImageWithItsAltText() {
    var image =
        PostObjects.featuredImage(
                "<p>Intro</p><p><img src=\"/media/ab12/harbour.jpg\" alt=\"The harbour at dusk\">"
                    + "<img src=\"/media/cd34/second.png\" alt=\"second\"></p>",
                BASE)
            .orElseThrow();
    assertEquals(BASE + "/media/ab12/harbour.jpg", image.url());
    assertEquals("image/jpeg", image.mediaType());
    assertEquals("The harbour at dusk", image.alt());

    assertEquals(
        "image/png",
        PostObjects.featuredImage("<img src=\"https://cdn.example/x.PNG?w=2\" alt=\"\">", BASE)
            .orElseThrow()
            .mediaType());
    assertTrue(PostObjects.featuredImage("<p>No image</p>", BASE).isEmpty());
    assertTrue(
        PostObjects.featuredImage("<img src=\"data:image/png;base64,AAAA\" alt=\"x\">", BASE)
            .isEmpty(),
        "only addresses other servers can fetch");
    assertTrue(PostObjects.featuredImage("<img src=\"//evil.example/x.png\">", BASE).isEmpty());
  }

  @Test
  void theArticleCarriesTheImageAsAnAttachment() {
    var post =
        new blog.core.post.Post(
            7,
            "with-image",
            "With an image",
            "",
            "<p><img src=\"/media/ab12/boat.webp\" alt=\"A &quot;boat&quot; &amp; sea\"></p>",
            null,
            blog.core.post.PostStatus.PUBLISHED,
            1,
            true,
            java.time.Instant.parse("2026-06-01T12:00:00Z"),
            java.time.Instant.parse("2026-06-01T12:00:00Z"),
            java.time.Instant.parse("2026-06-01T12:00:00Z"),
            1,
            blog.core.post.PostType.POST);
    var article =
        new PostObjects(new SiteActor(BASE, "blog"))
            .article(
                post, java.util.List.of(), blog.core.site.SiteSettings.from(java.util.Map.of()));
    var attachment = article.path("attachment").get(0);
    assertEquals("Image", attachment.path("type").asString());
    assertEquals("image/webp", attachment.path("mediaType").asString());
    assertEquals(BASE + "/media/ab12/boat.webp", attachment.path("url").asString());
    assertEquals("A \"boat\" & sea", attachment.path("name").asString());
  }
}
