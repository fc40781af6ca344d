package blog.core.post;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PostPathsTest {
  @Test
  void aPostsPermalinkIsItsDayInTheBlogsZoneAndItsSlug() {
    Instant at = Instant.parse("2011-09-14T23:30:00Z");
    assertEquals(
        "/2011/09/14/why-quality/", PostPaths.permalink("why-quality", at, ZoneOffset.UTC));
    assertEquals(
        "/2011/09/15/why-quality/",
        PostPaths.permalink("why-quality", at, ZoneId.of("Europe/Berlin")),
        "the day where the blog is");
    assertEquals(
        "/0999/01/02/old/",
        PostPaths.permalink("old", Instant.parse("0999-01-02T00:00:00Z"), ZoneOffset.UTC));
    assertEquals(
        "/2026/12/31/caf%C3%A9%20cr%C3%A8me/",
        PostPaths.permalink("café crème", Instant.parse("2026-12-31T10:00:00Z"), ZoneOffset.UTC));
  }
}
