package blog.web.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.web.testing.WebTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The blog's own icon: named by every page, and at /favicon.ico for clients that just ask. */
class SiteIconTest extends WebTestBase {
  private static final Pattern ICON_LINK =
      Pattern.compile("<link rel=\"icon\" href=\"([^\"]+)\" type=\"image/svg\\+xml\">");

  @Test
  void faviconIcoIsAnIconNotARedirect() throws Exception {
    HttpResponse<byte[]> icon =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.url("/favicon.ico"))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, icon.statusCode());
    assertEquals("image/x-icon", icon.headers().firstValue("Content-Type").orElse(""));
    // An ICO file starts with reserved 0, type 1 (icon).
    assertArrayEquals(new byte[] {0, 0, 1, 0}, Arrays.copyOf(icon.body(), 4));
  }

  @Test
  void pagesNameTheSvgIconWhichIsServed() {
    for (String path : new String[] {"/", "/no-such-page/", "/admin/login"}) {
      Matcher link = ICON_LINK.matcher(server.get(path).body());
      assertTrue(link.find(), path + " names its icon");
      HttpResponse<String> svg = server.get(link.group(1));
      assertEquals(200, svg.statusCode());
      assertEquals("image/svg+xml", svg.headers().firstValue("Content-Type").orElse(""));
      assertTrue(svg.body().startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    }
  }
}
