package blog.web.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.web.testing.WebTestBase;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Anything that does not exist, or is malformed, is the styled 404 page, never a 500. */
class NotFoundPagesTest extends WebTestBase {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/no-such-page/",
        "/a/b/c/d/e/f/",
        "/2011/09/14/no-such-post/",
        "/2011/09/14/why-quality-social-networking-beats-quantity-every-time/extra/",
        "/page/0/",
        "/page/-1/",
        "/page/two/",
        "/page/99999999999999999999/",
        "/page/999999/",
        "/2011/13/",
        "/2011/00/",
        "/2011/9/",
        "/0000/",
        "/20111/",
        "/1999/",
        "/2011/02/30/why-quality-social-networking-beats-quantity-every-time/",
        "/2011/xx/14/why-quality-social-networking-beats-quantity-every-time/",
        "/category/no-such-category/",
        "/tag/no-such-tag/",
        "/tag/twitter/page/0/",
        "/category/social-media/page/2/",
        "/assets/no-such.css",
        "/avatar/not-a-key.svg",
        "/%E2%98%83/"
      })
  void answersTheStyledNotFoundPage(String path) {
    HttpResponse<String> response = server.get(path);
    assertEquals(404, response.statusCode(), path);
    assertTrue(response.body().contains("That page can’t be found"), path);
    assertTrue(response.body().contains("Recent Posts"), "the 404 page keeps the sidebar");
    assertEquals(
        "text/html;charset=utf-8",
        response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
  }
}
