package blog.web.seo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.web.testing.ActiveContent;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import blog.web.testing.Xml;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What search engines and link previews read: titles, descriptions, canonical URLs, OpenGraph and
 * Twitter tags, JSON-LD, the sitemap and robots.txt, and the 301s to each page's one address.
 */
class SeoTest extends WebTestBase {
  static final String BASE = "https://blog.example";
  static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final Instant NOW = TestServer.NOW;

  private long author;

  @Override
  protected Map<String, String> config() {
    return Map.of("base-url", BASE);
  }

  @Override
  protected void prepare() {
    author = fixtures.author("Sue Seo");
  }

  private long post(
      String title, PostStatus status, Instant at, List<String> cats, List<String> tags) {
    return fixtures.post(author, title, status, at, cats, tags);
  }

  @Test
  void aPostPageDescribesItselfToSearchEnginesAndPreviews() {
    long id =
        post(
            "Meta described",
            PostStatus.PUBLISHED,
            NOW.minusSeconds(3600),
            List.of("Seocat"),
            List.of("seotag"));
    String permalink = permalinkOf(id);
    String html = server.page(permalink);
    Document page = Jsoup.parse(html);

    assertTrue(page.title().startsWith("Meta described | "));
    assertEquals("Body of Meta described.", meta(page, "name", "description"));
    assertEquals(BASE + permalink, page.selectFirst("link[rel=canonical]").attr("href"));
    assertEquals("article", meta(page, "property", "og:type"));
    assertEquals("Meta described", meta(page, "property", "og:title"));
    assertEquals(BASE + permalink, meta(page, "property", "og:url"));
    assertEquals("Body of Meta described.", meta(page, "property", "og:description"));
    assertFalse(meta(page, "property", "og:site_name").isBlank());
    assertEquals(
        NOW.minusSeconds(3600),
        OffsetDateTime.parse(meta(page, "property", "article:published_time")).toInstant());
    assertEquals("Seocat", meta(page, "property", "article:section"));
    assertEquals("seotag", meta(page, "property", "article:tag"));
    assertEquals("summary", meta(page, "name", "twitter:card"));
    assertEquals("Meta described", meta(page, "name", "twitter:title"));
    assertNull(page.selectFirst("meta[name=robots]"));

    JsonNode posting = jsonLd(page);
    assertEquals("https://schema.org", posting.get("@context").asString());
    assertEquals("BlogPosting", posting.get("@type").asString());
    assertEquals("Meta described", posting.get("headline").asString());
    assertEquals(BASE + permalink, posting.get("url").asString());
    assertEquals(BASE + permalink, posting.get("mainEntityOfPage").get("@id").asString());
    assertEquals(
        NOW.minusSeconds(3600),
        OffsetDateTime.parse(posting.get("datePublished").asString()).toInstant());
    OffsetDateTime.parse(posting.get("dateModified").asString());
    assertEquals("Person", posting.get("author").get("@type").asString());
    assertEquals("Sue Seo", posting.get("author").get("name").asString());
    assertEquals("Organization", posting.get("publisher").get("@type").asString());
    assertEquals(List.of(), ActiveContent.find(html));
  }

  @Test
  void userTextCannotBreakOutOfTheJsonLd() {
    String title = "</script><script>alert(1)</script> <!-- \"quoted\" & \u2028 done";
    long id = post(title, PostStatus.PUBLISHED, NOW.minusSeconds(60), List.of(), List.of());
    String html = server.page(permalinkOf(id));
    Document page = Jsoup.parse(html);
    assertEquals(1, page.select("script[type=application/ld+json]").size());
    assertEquals(title, jsonLd(page).get("headline").asString());
    assertEquals(title, meta(page, "property", "og:title"));
    int start = html.indexOf("<script type=\"application/ld+json\">");
    String block = html.substring(start + 35, html.indexOf("</script>", start));
    assertFalse(block.contains("<"), block);
    assertEquals(List.of(), ActiveContent.find(html));
  }

  @Test
  void listingsHaveTheirOwnCanonicalUrlAndDescription() {
    post("Listed one", PostStatus.PUBLISHED, NOW.minusSeconds(100), List.of("Listcat"), List.of());
    Document home = Jsoup.parse(server.page("/"));
    assertEquals(BASE + "/", home.selectFirst("link[rel=canonical]").attr("href"));
    assertEquals("website", meta(home, "property", "og:type"));
    assertEquals(meta(home, "name", "description"), meta(home, "property", "og:description"));
    assertNull(home.selectFirst("script[type=application/ld+json]"));

    Document category = Jsoup.parse(server.page("/category/listcat/"));
    assertEquals(
        BASE + "/category/listcat/", category.selectFirst("link[rel=canonical]").attr("href"));
    assertTrue(meta(category, "name", "description").contains("Listcat"));
    Document month = Jsoup.parse(server.page("/2026/06/"));
    assertEquals(BASE + "/2026/06/", month.selectFirst("link[rel=canonical]").attr("href"));
    assertTrue(meta(month, "name", "description").contains("June 2026"));

    Document missing = Jsoup.parse(server.get("/no/such/thing/").body());
    assertNull(missing.selectFirst("link[rel=canonical]"), "a 404 names no canonical page");
  }

  @Test
  void theSitemapListsWhatReadersCanSeeWithLastModifiedDates() {
    long published =
        post(
            "Mapped post",
            PostStatus.PUBLISHED,
            NOW.minusSeconds(7200),
            List.of("Mapcat"),
            List.of("maptag"));
    long draft = post("Unmapped draft", PostStatus.DRAFT, null, List.of("Draftonlycat"), List.of());
    long future =
        post("Unmapped future", PostStatus.SCHEDULED, NOW.plusSeconds(7200), List.of(), List.of());

    HttpResponse<String> response = server.get("/sitemap.xml");
    assertEquals(200, response.statusCode());
    assertTrue(
        response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/xml"));
    assertTrue(response.headers().firstValue("ETag").isPresent());
    org.w3c.dom.Element urlset = Xml.parse(response.body()).getDocumentElement();
    assertEquals(SITEMAP_NS, urlset.getNamespaceURI());
    assertEquals("urlset", urlset.getLocalName());
    Map<String, Instant> entries = new HashMap<>();
    for (org.w3c.dom.Element url : Xml.children(urlset, SITEMAP_NS, "url")) {
      String loc = Xml.text(url, SITEMAP_NS, "loc");
      assertTrue(loc.startsWith(BASE + "/"), loc);
      URI.create(loc);
      List<org.w3c.dom.Element> lastmod = Xml.children(url, SITEMAP_NS, "lastmod");
      entries.put(
          loc,
          lastmod.isEmpty()
              ? null
              : OffsetDateTime.parse(lastmod.get(0).getTextContent()).toInstant());
    }
    assertEquals(NOW.minusSeconds(7200), entries.get(BASE + permalinkOf(published)));
    assertNotNull(entries.get(BASE + "/"));
    assertNotNull(entries.get(BASE + "/category/mapcat/"));
    assertNotNull(entries.get(BASE + "/tag/maptag/"));
    assertNotNull(entries.get(BASE + "/2026/06/"));
    assertNotNull(entries.get(BASE + "/2026/"));
    assertFalse(entries.containsKey(BASE + "/category/draftonlycat/"));
    var posts = new PostRepository(db.database().jdbi());
    for (long hidden : List.of(draft, future)) {
      String slug = posts.findById(hidden).orElseThrow().slug();
      assertFalse(response.body().contains(slug), slug + " must not be listed");
    }
  }

  @Test
  void robotsTxtAllowsAllButTheAdminAndNamesTheSitemap() {
    HttpResponse<String> robots = server.get("/robots.txt");
    assertEquals(200, robots.statusCode());
    assertTrue(robots.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
    List<String> lines = robots.body().lines().toList();
    assertTrue(lines.contains("User-agent: *"));
    assertTrue(lines.contains("Disallow: /admin"));
    assertTrue(lines.contains("Sitemap: " + BASE + "/sitemap.xml"));
  }

  @Test
  void pagesWithoutTheirTrailingSlashMoveToIt() {
    long id =
        post(
            "Slashless",
            PostStatus.PUBLISHED,
            NOW.minusSeconds(60),
            List.of("Slashcat"),
            List.of());
    String permalink = permalinkOf(id);
    String bare = permalink.substring(0, permalink.length() - 1);
    assertMoved(bare + "?replytocom=5&x=%C3%A9", permalink + "?replytocom=5&x=%C3%A9");
    assertMoved(bare, permalink);
    assertMoved("/category/slashcat", "/category/slashcat/");
    assertMoved("/2026/06", "/2026/06/");
    assertMoved("/feed", "/feed/");
    assertMoved("/feed/atom", "/feed/atom/");
    assertMoved(bare + "/feed", permalink + "feed/");
    assertEquals(200, server.get("/sitemap.xml").statusCode());
    assertEquals(200, server.get("/robots.txt").statusCode());
    assertEquals(200, server.get("/admin/login").statusCode());
    assertEquals(200, server.get("/healthz").statusCode());
  }

  @Test
  void theWwwHostMovesToTheConfiguredOne() {
    long id = post("Hosted", PostStatus.PUBLISHED, NOW.minusSeconds(60), List.of(), List.of());
    String permalink = permalinkOf(id);
    RawResponse www = raw("GET", permalink + "?a=1", "www.blog.example");
    assertEquals(301, www.status());
    assertEquals(BASE + permalink + "?a=1", www.headers().get("location"));
    RawResponse wwwWithPort = raw("GET", "/feed/", "WWW.blog.example:443");
    assertEquals(301, wwwWithPort.status());
    assertEquals(BASE + "/feed/", wwwWithPort.headers().get("location"));
    assertEquals(200, raw("GET", permalink, "blog.example").status());
    assertEquals(200, raw("GET", permalink, "other.example").status(), "only www. differs");
    assertEquals(200, raw("GET", permalink, "127.0.0.1").status());
    assertTrue(
        raw("POST", "/comments/", "www.blog.example").status() != 301, "forms are not moved");
  }

  @Test
  void theBareHostMovesToAConfiguredWwwHost() {
    long id = post("Bare", PostStatus.PUBLISHED, NOW.minusSeconds(60), List.of(), List.of());
    String permalink = permalinkOf(id);
    String www = "https://www.blog.example";
    try (TestServer wwwServer = TestServer.start(db.database(), Map.of("base-url", www), clock())) {
      RawResponse bare = raw(wwwServer, "GET", permalink + "?b=2", "blog.example");
      assertEquals(301, bare.status());
      assertEquals(www + permalink + "?b=2", bare.headers().get("location"));
      RawResponse withPort = raw(wwwServer, "HEAD", "/feed/", "Blog.Example:443");
      assertEquals(301, withPort.status());
      assertEquals(www + "/feed/", withPort.headers().get("location"));
      assertEquals(200, raw(wwwServer, "GET", permalink, "www.blog.example").status());
      assertEquals(200, raw(wwwServer, "GET", permalink, "127.0.0.1").status());
      assertEquals(200, raw(wwwServer, "GET", permalink, "other.example").status());
      assertTrue(
          raw(wwwServer, "POST", "/comments/", "blog.example").status() != 301,
          "forms are not moved");
    }
  }

  private static String meta(Document page, String attribute, String key) {
    Element meta = page.head().selectFirst("meta[" + attribute + "=" + key + "]");
    assertNotNull(meta, key);
    return meta.attr("content");
  }

  private static JsonNode jsonLd(Document page) {
    Element script = page.head().selectFirst("script[type=application/ld+json]");
    assertNotNull(script, "JSON-LD");
    return JsonMapper.builder().build().readTree(script.data());
  }

  private void assertMoved(String path, String location) {
    HttpResponse<String> response = server.get(path);
    assertEquals(301, response.statusCode(), path);
    assertEquals(location, response.headers().firstValue("Location").orElseThrow(), path);
  }

  private record RawResponse(int status, Map<String, String> headers) {}

  /** A request with a Host header of the test's choosing, which HttpClient does not allow. */
  private RawResponse raw(String method, String path, String host) {
    return raw(server, method, path, host);
  }

  private static RawResponse raw(TestServer server, String method, String path, String host) {
    URI uri = URI.create(server.url("/"));
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      String body = method.equals("POST") ? "a=b" : "";
      out.write(
          (method
                  + " "
                  + path
                  + " HTTP/1.1\r\nHost: "
                  + host
                  + "\r\nConnection: close\r\n"
                  + (method.equals("POST")
                      ? "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                          + body.length()
                          + "\r\n"
                      : "")
                  + "\r\n"
                  + body)
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      String status = in.readLine();
      Map<String, String> headers = new HashMap<>();
      List<String> lines = new ArrayList<>();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        lines.add(line);
        int colon = line.indexOf(':');
        headers.put(
            line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
            line.substring(colon + 1).strip());
      }
      return new RawResponse(Integer.parseInt(status.split(" ")[1]), headers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
