package blog.web.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.PostStatus;
import blog.core.testing.DbKind;
import blog.web.testing.ActiveContent;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** {@code /?s=} as readers use it: the sidebar box, ranked and paginated results, any input. */
class SearchPagesTest extends WebTestBase {
  private static final Instant NOW = TestServer.NOW;
  private long author;

  @Override
  protected void prepare() {
    author = fixtures.author("Sam Searcher");
  }

  private long post(String title, PostStatus status, Instant at) {
    return fixtures.post(author, title, status, at);
  }

  private static String search(String words) {
    return "/?s=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
  }

  private static List<String> resultTitles(String html) {
    return Jsoup.parse(html).select("main .entry-title a").eachText();
  }

  @Test
  void everyPublicPageHasASearchBoxThatAsksTheFrontPage() {
    for (String path : List.of("/", "/no/such/page/")) {
      Document page = Jsoup.parse(server.get(path).body());
      Element form = page.selectFirst("aside form[role=search]");
      assertTrue(form != null, path);
      assertEquals("get", form.attr("method"));
      assertEquals("/", form.attr("action"));
      assertEquals("s", form.selectFirst("input[type=search]").attr("name"));
      assertTrue(page.selectFirst("label[for=search-field]") != null, "the box has a label");
    }
  }

  @Test
  void resultsListOnlyPublishedPostsAndAreNotIndexed() {
    post("Kestrelword sightings", PostStatus.PUBLISHED, NOW.minusSeconds(7200));
    post("Hidden kestrelword draft", PostStatus.DRAFT, null);

    HttpResponse<String> response = server.get(search("kestrelword"));
    assertEquals(200, response.statusCode());
    List<String> titles = resultTitles(response.body());
    assertEquals(List.of("Kestrelword sightings"), titles);
    Document page = Jsoup.parse(response.body());
    assertEquals("kestrelword", page.selectFirst("input[name=s]").val(), "the box keeps the words");
    assertEquals("noindex, follow", page.selectFirst("meta[name=robots]").attr("content"));
    assertTrue(page.select("link[rel=canonical]").isEmpty());
    assertTrue(page.title().startsWith("Search Results for “kestrelword”"));
  }

  @Test
  void resultsArePaginatedKeepingTheQuery() {
    for (int i = 0; i < 12; i++) {
      post("Ibisword " + i, PostStatus.PUBLISHED, NOW.minusSeconds(100 + i));
    }
    String first = server.page(search("ibisword"));
    assertEquals(10, resultTitles(first).size());
    assertEquals("Ibisword 0", resultTitles(first).get(0));
    Element older = Jsoup.parse(first).selectFirst("nav.pagination a.older");
    assertEquals("/page/2/?s=ibisword", older.attr("href"));
    String second = server.page(older.attr("href"));
    assertEquals(List.of("Ibisword 10", "Ibisword 11"), resultTitles(second));
    assertEquals(
        "/?s=ibisword", Jsoup.parse(second).selectFirst("nav.pagination a.newer").attr("href"));
    assertEquals(404, server.get("/page/3/?s=ibisword").statusCode());
  }

  @Test
  void anyInputIsAnsweredSafelyAndShownAsText() {
    post("Plain heronword", PostStatus.PUBLISHED, NOW.minusSeconds(60));
    List<String> inputs =
        List.of(
            "%",
            "_",
            "'",
            "\"",
            "\\",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "héron 🐦 日本語 مرحبا",
            "x".repeat(5000),
            "a\u0000b",
            "");
    for (String input : inputs) {
      HttpResponse<String> response = server.get(search(input));
      assertEquals(200, response.statusCode(), input);
      assertEquals(List.of(), ActiveContent.find(response.body()), input);
    }
    String page = server.page(search("<script>alert(1)</script>"));
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertFalse(page.contains("<script>alert"));
    assertTrue(resultTitles(server.page(search("%"))).isEmpty(), "% is no wildcard");
    assertTrue(resultTitles(server.page(search("_"))).isEmpty(), "_ is no wildcard");
    assertEquals(List.of("Plain heronword"), resultTitles(server.page(search("HERONWORD"))));
    String raw = "/?s=%ED%A0%80%FF%FE"; // not UTF-8 at all
    assertEquals(200, server.get(raw).statusCode());
  }

  @Test
  void postIdsLeadToPermalinks() {
    long id = post("Found by id", PostStatus.PUBLISHED, NOW.minusSeconds(60));
    HttpResponse<String> moved = server.get("/?p=" + id);
    assertEquals(301, moved.statusCode());
    assertEquals(permalinkOf(id), moved.headers().firstValue("Location").orElseThrow());
    long draft = post("Draft by id", PostStatus.DRAFT, null);
    assertEquals(404, server.get("/?p=" + draft).statusCode());
    assertEquals(404, server.get("/?p=abc").statusCode());
  }

  /**
   * On PostgreSQL the search is its full-text search: words are stemmed, so "wombats" finds "A
   * wombat", which no LIKE '%wombats%' would, and "-word" leaves out the posts that have it. H2
   * keeps a plain LIKE search by design (see docs/publishing.md): every word must occur as written.
   */
  @Test
  void postgresqlStemsWordsAndLeavesOutMinusWordsWhereH2MatchesWordsAsWritten() {
    post("A wombat in the garden", PostStatus.PUBLISHED, NOW.minusSeconds(300));
    post("A wombat at the burrow", PostStatus.PUBLISHED, NOW.minusSeconds(200));
    post("Quokkas digging", PostStatus.PUBLISHED, NOW.minusSeconds(100));

    assertEquals(
        Set.of("A wombat at the burrow", "A wombat in the garden"),
        Set.copyOf(resultTitles(server.page(search("wombat")))),
        "both find a word as written");
    assertEquals(
        List.of("A wombat in the garden"),
        resultTitles(server.page(search("\"wombat in the garden\""))),
        "a quoted phrase");
    if (kind == DbKind.POSTGRES) {
      assertEquals(
          Set.of("A wombat at the burrow", "A wombat in the garden"),
          Set.copyOf(resultTitles(server.page(search("wombats")))),
          "stemming: the plural finds the singular");
      assertEquals(
          List.of("A wombat in the garden"),
          resultTitles(server.page(search("wombats -burrow"))),
          "-burrow leaves out the post that has it");
      assertEquals(List.of("Quokkas digging"), resultTitles(server.page(search("dig quokka"))));
    } else {
      assertEquals(List.of(), resultTitles(server.page(search("wombats"))), "no stemming on H2");
      assertEquals(
          List.of("Quokkas digging"),
          resultTitles(server.page(search("quokka dig"))),
          "substrings");
    }
  }
}
