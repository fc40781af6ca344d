package blog.core.webmention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.federation.Refused;
import blog.core.federation.RemoteFetch;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Endpoint discovery as the Recommendation's cases have it, against pages served on 127.0.0.1: a
 * Link header (absolute or relative), a link or an a element, an empty href, a header winning over
 * the HTML, addresses resolved after a redirect, a page with none, and the refusals.
 */
class EndpointDiscoveryTest {
  private static HttpServer server;
  private static String base;
  private static final EndpointDiscovery discovery = new EndpointDiscovery(new RemoteFetch(true));

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    page("/header-absolute", Map.of("Link", "<" + base + "/endpoint/a>; rel=\"webmention\""), "");
    page("/header-relative", Map.of("Link", "</endpoint/b?version=1>; rel=webmention"), "");
    page(
        "/header-among-others",
        Map.of(
            "Link",
            "<" + base + "/style>; rel=\"stylesheet\", <relative/c>; rel=\"other webmention\""),
        "");
    page("/link-element", Map.of(), "<link rel=\"webmention\" href=\"/endpoint/d\">");
    page(
        "/a-element",
        Map.of(),
        "<p><a href=\"https://example.invalid/\">x</a> <a rel=\"webmention\" href=\"e\">e</a>");
    page("/empty-href", Map.of(), "<link rel=\"webmention\" href=\"\">");
    page(
        "/header-wins",
        Map.of("Link", "<" + base + "/endpoint/from-header>; rel=\"webmention\""),
        "<link rel=\"webmention\" href=\"/endpoint/from-html\">");
    page(
        "/first-in-order",
        Map.of(),
        "<a rel=\"webmention\" href=\"/endpoint/first\">w</a>"
            + "<link rel=\"webmention\" href=\"/endpoint/second\">");
    page("/none", Map.of(), "<p>No endpoint here.</p>");
    page("/moved/deeper/page", Map.of(), "<link rel=\"webmention\" href=\"../endpoint/f\">");
    server.createContext(
        "/redirect",
        x -> {
          x.getResponseHeaders().add("Location", "/moved/deeper/page");
          x.sendResponseHeaders(302, -1);
          x.close();
        });
    server.createContext(
        "/gone",
        x -> {
          x.sendResponseHeaders(410, -1);
          x.close();
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static void page(String path, Map<String, String> headers, String body) {
    server.createContext(
        path,
        (HttpExchange x) -> {
          headers.forEach(x.getResponseHeaders()::add);
          x.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          byte[] bytes =
              ("<!DOCTYPE html><html><head><title>t</title></head><body>" + body + "</body></html>")
                  .getBytes(StandardCharsets.UTF_8);
          x.sendResponseHeaders(200, bytes.length);
          x.getResponseBody().write(bytes);
          x.close();
        });
  }

  private static Optional<URI> discover(String path) {
    return discovery.discover(URI.create(base + path));
  }

  @Test
  void aLinkHeaderNamesTheEndpointAbsoluteOrRelative() {
    assertEquals(Optional.of(URI.create(base + "/endpoint/a")), discover("/header-absolute"));
    assertEquals(
        Optional.of(URI.create(base + "/endpoint/b?version=1")),
        discover("/header-relative"),
        "resolved against the page, the query kept");
    assertEquals(
        Optional.of(URI.create(base + "/relative/c")),
        discover("/header-among-others"),
        "one of several links, one of several rels");
  }

  @Test
  void theHtmlNamesItWithALinkOrAnAElement() {
    assertEquals(Optional.of(URI.create(base + "/endpoint/d")), discover("/link-element"));
    assertEquals(Optional.of(URI.create(base + "/e")), discover("/a-element"));
    assertEquals(
        Optional.of(URI.create(base + "/endpoint/first")),
        discover("/first-in-order"),
        "the first in document order");
  }

  @Test
  void anEmptyHrefIsThePageItself() {
    assertEquals(Optional.of(URI.create(base + "/empty-href")), discover("/empty-href"));
  }

  @Test
  void theHeaderWinsOverTheHtml() {
    assertEquals(Optional.of(URI.create(base + "/endpoint/from-header")), discover("/header-wins"));
  }

  @Test
  void relativeAddressesAreResolvedAgainstThePageAfterRedirects() {
    assertEquals(Optional.of(URI.create(base + "/moved/endpoint/f")), discover("/redirect"));
  }

  @Test
  void aPageWithoutAnEndpointHasNone() {
    assertTrue(discover("/none").isEmpty());
  }

  @Test
  void aGonePageAndAPrivateAddressAreRefused() {
    assertEquals(400, assertThrows(Refused.class, () -> discover("/gone")).status());
    EndpointDiscovery guarded = new EndpointDiscovery(new RemoteFetch(false));
    Refused refused =
        assertThrows(Refused.class, () -> guarded.discover(URI.create(base + "/link-element")));
    assertEquals(403, refused.status(), "loopback refused unless the test setting allows it");
    assertEquals(
        403,
        assertThrows(Refused.class, () -> guarded.discover(URI.create("http://10.1.2.3/page")))
            .status(),
        "a private network");
  }

  @Test
  void linkHeadersAreParsedAsTheRfcWritesThem() {
    URI page = URI.create("https://example.org/a/b");
    assertEquals(
        Optional.of(URI.create("https://example.org/w")),
        EndpointDiscovery.fromLinkHeaders(page, List.of("</w>; rel=\"webmention\"")));
    assertEquals(
        Optional.of(URI.create("https://example.org/a/x")),
        EndpointDiscovery.fromLinkHeaders(page, List.of("<x>; title=\"y\"; REL=WebMention")));
    assertTrue(
        EndpointDiscovery.fromLinkHeaders(page, List.of("</w>; rel=\"webmentions\"")).isEmpty());
    assertTrue(
        EndpointDiscovery.fromLinkHeaders(page, List.of("<javascript:alert(1)>; rel=webmention"))
            .isEmpty(),
        "only http(s) endpoints");
  }
}
