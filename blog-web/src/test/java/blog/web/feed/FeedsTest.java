package blog.web.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentStatus;
import blog.core.editor.SlugRedirectRepository;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.testing.Fixtures;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import blog.web.testing.Xml;
import com.rometools.modules.slash.Slash;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The feeds as feed readers get them: valid RSS 2.0 and Atom 1.0 (read back with ROME and checked
 * element by element against the specs), absolute URLs under base-url, nothing unpublished or
 * unapproved, conditional GETs, and autodiscovery links in page heads.
 */
class FeedsTest extends WebTestBase {
  static final String BASE = "https://blog.example";
  private static final Instant NOW = TestServer.NOW;

  private long author;

  @Override
  protected Map<String, String> config() {
    return Map.of("base-url", BASE);
  }

  @Override
  protected void prepare() {
    author = fixtures.author("Fay Feedwriter");
  }

  private long post(
      String title, PostStatus status, Instant at, List<String> cats, List<String> tags) {
    return fixtures.post(author, title, status, at, cats, tags);
  }

  @Test
  void rssCarriesPublishedPostsInFullWithAbsoluteUrls() throws Exception {
    long id =
        post(
            "Syndicated post",
            PostStatus.PUBLISHED,
            NOW.minusSeconds(600),
            List.of("Feedcat"),
            List.of("rsstag"));
    fixtures.comment(id, null, "Ann", "First.", NOW.minusSeconds(300));
    fixtures.comment(id, null, "Bob", "Second.", NOW.minusSeconds(200));
    fixtures.comment(id, null, "Held", "Waiting.", NOW.minusSeconds(100), CommentStatus.PENDING);
    post("Unfinished draft", PostStatus.DRAFT, null, List.of(), List.of());
    post("Not yet due", PostStatus.SCHEDULED, NOW.plusSeconds(3600), List.of(), List.of());
    post("Thrown out", PostStatus.TRASH, NOW.minusSeconds(500), List.of(), List.of());

    HttpResponse<String> response = server.get("/feed/");
    assertEquals(200, response.statusCode());
    assertEquals(
        "application/rss+xml; charset=utf-8",
        response.headers().firstValue("Content-Type").orElseThrow());

    Channel channel = (Channel) read(response.body(), "rss_2.0");
    assertFalse(channel.getTitle().isBlank());
    assertEquals(BASE + "/", channel.getLink());
    assertFalse(channel.getDescription().isBlank());
    Item item = rssItem(channel, "Syndicated post").orElseThrow();
    String permalink = BASE + permalinkOf(id);
    assertEquals(permalink, item.getLink());
    assertEquals(BASE + "/?p=" + id, item.getGuid().getValue());
    assertFalse(item.getGuid().isPermaLink());
    assertEquals(NOW.minusSeconds(600), item.getPubDate().toInstant());
    assertEquals("Body of Syndicated post.", item.getDescription().getValue());
    assertTrue(item.getContent().getValue().contains("<p>Body of Syndicated post.</p>"));
    assertEquals(
        Set.of("Feedcat", "rsstag"),
        Set.copyOf(item.getCategories().stream().map(Category::getValue).toList()));
    assertEquals("Fay Feedwriter", ((DCModule) item.getModule(DCModule.URI)).getCreator());
    assertEquals(2, ((Slash) item.getModule(Slash.URI)).getComments(), "approved comments only");
    assertEquals(permalink + "#comments", item.getComments());
    for (String hidden : List.of("Unfinished draft", "Not yet due", "Thrown out")) {
      assertTrue(rssItem(channel, hidden).isEmpty(), hidden + " must not be syndicated");
    }

    // The elements RSS 2.0 requires, and the self link, read as plain XML.
    Element rss = Xml.parse(response.body()).getDocumentElement();
    assertEquals("rss", rss.getLocalName());
    assertEquals("2.0", rss.getAttribute("version"));
    Element ch = Xml.child(rss, null, "channel");
    for (String required : List.of("title", "link", "description")) {
      assertFalse(Xml.text(ch, null, required).isBlank(), required);
    }
    Element self = Xml.child(ch, Xml.ATOM, "link");
    assertEquals("self", self.getAttribute("rel"));
    assertEquals(BASE + "/feed/", self.getAttribute("href"));
    for (Element i : Xml.children(ch, null, "item")) {
      assertTrue(Xml.text(i, null, "link").startsWith(BASE + "/"));
      ZonedDateTime.parse(Xml.text(i, null, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME);
      assertFalse(Xml.text(i, "http://purl.org/rss/1.0/modules/content/", "encoded").isBlank());
    }
  }

  @Test
  void atomHasEverythingRfc4287Requires() throws Exception {
    long id =
        post(
            "Atom entry",
            PostStatus.PUBLISHED,
            NOW.minusSeconds(700),
            List.of("Atomcat"),
            List.of());
    HttpResponse<String> response = server.get("/feed/atom/");
    assertEquals(200, response.statusCode());
    assertEquals(
        "application/atom+xml; charset=utf-8",
        response.headers().firstValue("Content-Type").orElseThrow());

    // What RFC 4287 requires of any feed (EveryFeedTest runs it over every feed), then this one.
    Element feed = FeedChecks.atom(response.body(), BASE + "/feed/atom/", BASE);
    assertFalse(Xml.text(Xml.child(feed, Xml.ATOM, "author"), Xml.ATOM, "name").isBlank());
    assertEquals(BASE + "/", link(feed, "alternate").getAttribute("href"));

    Set<String> ids = new HashSet<>();
    boolean found = false;
    for (Element entry : Xml.children(feed, Xml.ATOM, "entry")) {
      String entryId = Xml.text(entry, Xml.ATOM, "id");
      assertTrue(ids.add(entryId), "entry ids are unique");
      URI.create(entryId);
      assertFalse(Xml.text(entry, Xml.ATOM, "title").isBlank());
      OffsetDateTime.parse(Xml.text(entry, Xml.ATOM, "updated"));
      OffsetDateTime.parse(Xml.text(entry, Xml.ATOM, "published"));
      assertFalse(Xml.text(Xml.child(entry, Xml.ATOM, "author"), Xml.ATOM, "name").isBlank());
      assertTrue(link(entry, "alternate").getAttribute("href").startsWith(BASE + "/"));
      assertEquals("html", Xml.child(entry, Xml.ATOM, "content").getAttribute("type"));
      assertFalse(Xml.text(entry, Xml.ATOM, "summary").isBlank());
      if (entryId.equals(BASE + "/?p=" + id)) {
        found = true;
        assertEquals("Atom entry", Xml.text(entry, Xml.ATOM, "title"));
        assertEquals(BASE + permalinkOf(id), link(entry, "alternate").getAttribute("href"));
        assertEquals(
            BASE + permalinkOf(id) + "feed/atom/", link(entry, "replies").getAttribute("href"));
        assertEquals(
            NOW.minusSeconds(700),
            OffsetDateTime.parse(Xml.text(entry, Xml.ATOM, "published")).toInstant());
        assertEquals(
            "Fay Feedwriter", Xml.text(Xml.child(entry, Xml.ATOM, "author"), Xml.ATOM, "name"));
        assertEquals("Atomcat", Xml.child(entry, Xml.ATOM, "category").getAttribute("term"));
        assertTrue(Xml.text(entry, Xml.ATOM, "content").contains("<p>Body of Atom entry.</p>"));
        assertEquals("0", Xml.text(entry, "http://purl.org/rss/1.0/modules/slash/", "comments"));
      }
    }
    assertTrue(found, "the new post is in the Atom feed");

    Feed parsed = (Feed) read(response.body(), "atom_1.0");
    Entry entry =
        parsed.getEntries().stream()
            .filter(e -> e.getId().equals(BASE + "/?p=" + id))
            .findFirst()
            .orElseThrow();
    assertEquals("Atom entry", entry.getTitle());
  }

  @Test
  void categoryAndTagFeedsHoldOnlyTheirOwnPosts() throws Exception {
    post(
        "Filed under one",
        PostStatus.PUBLISHED,
        NOW.minusSeconds(800),
        List.of("Onecat"),
        List.of("alpha"));
    post(
        "Filed under two",
        PostStatus.PUBLISHED,
        NOW.minusSeconds(800),
        List.of("Twocat"),
        List.of("beta"));
    post("Draft under one", PostStatus.DRAFT, null, List.of("Onecat"), List.of("alpha"));

    Channel one = (Channel) read(server.page("/category/onecat/feed/"), "rss_2.0");
    assertEquals(BASE + "/category/onecat/", one.getLink());
    assertEquals(List.of("Filed under one"), titles(one));
    Channel alpha = (Channel) read(server.page("/tag/alpha/feed/"), "rss_2.0");
    assertEquals(List.of("Filed under one"), titles(alpha));
    Feed two = (Feed) read(server.page("/category/twocat/feed/atom/"), "atom_1.0");
    assertEquals(
        List.of("Filed under two"), two.getEntries().stream().map(Entry::getTitle).toList());
    assertEquals(
        BASE + "/category/twocat/feed/atom/",
        two.getOtherLinks().stream()
            .filter(l -> l.getRel().equals("self"))
            .findFirst()
            .orElseThrow()
            .getHref());
    Feed beta = (Feed) read(server.page("/tag/beta/feed/atom/"), "atom_1.0");
    assertEquals(1, beta.getEntries().size());

    assertEquals(404, server.get("/category/no-such-category/feed/").statusCode());
    assertEquals(404, server.get("/tag/no-such-tag/feed/atom/").statusCode());
  }

  @Test
  void commentFeedsShowApprovedCommentsOnVisiblePostsOnly() throws Exception {
    long id =
        post("Discussed post", PostStatus.PUBLISHED, NOW.minusSeconds(900), List.of(), List.of());
    long other =
        post(
            "Other discussed post",
            PostStatus.PUBLISHED,
            NOW.minusSeconds(950),
            List.of(),
            List.of());
    long draft = post("Discussed draft", PostStatus.DRAFT, null, List.of(), List.of());
    long approved =
        fixtures.comment(id, null, "Carla", "Approved <words> & more.", NOW.minusSeconds(60));
    fixtures.comment(id, null, "Held", "Held words.", NOW.minusSeconds(50), CommentStatus.PENDING);
    fixtures.comment(id, null, "Spammer", "Spam words.", NOW.minusSeconds(40), CommentStatus.SPAM);
    fixtures.comment(other, null, "Dora", "On the other post.", NOW.minusSeconds(45));
    fixtures.comment(draft, null, "Eve", "On the draft.", NOW.minusSeconds(30));

    String all = server.page("/comments/feed/");
    Channel site = (Channel) read(all, "rss_2.0");
    Item item =
        site.getItems().stream()
            .filter(i -> i.getLink().endsWith("#comment-" + approved))
            .findFirst()
            .orElseThrow();
    assertEquals(BASE + permalinkOf(id) + "#comment-" + approved, item.getLink());
    assertEquals("Comment on Discussed post by Carla", item.getTitle());
    // An RSS description is HTML to readers: text that looks like markup arrives escaped.
    assertEquals("Approved &lt;words&gt; &amp; more.", item.getDescription().getValue());
    assertEquals("Carla", ((DCModule) item.getModule(DCModule.URI)).getCreator());
    for (String hidden : List.of("Held words", "Spam words", "On the draft")) {
      assertFalse(all.contains(hidden), hidden + " must not be syndicated");
    }
    assertTrue(all.contains("On the other post."));

    Channel mine = (Channel) read(server.page(permalinkOf(id) + "feed/"), "rss_2.0");
    assertEquals("Comments on: Discussed post", mine.getTitle());
    assertEquals(BASE + permalinkOf(id), mine.getLink());
    assertEquals(List.of("By: Carla"), titles(mine));
    Element atom = Xml.parse(server.page(permalinkOf(id) + "feed/atom/")).getDocumentElement();
    assertEquals(BASE + permalinkOf(id) + "feed/atom/", link(atom, "self").getAttribute("href"));
    assertEquals(1, Xml.children(atom, Xml.ATOM, "entry").size());

    String draftSlug =
        new PostRepository(db.database().jdbi()).findById(draft).orElseThrow().slug();
    assertEquals(404, server.get("/2026/06/01/" + draftSlug + "/feed/").statusCode());
    String wrongDate = "/2001/01/01/" + permalinkOf(id).split("/")[4] + "/feed/";
    HttpResponse<String> moved = server.get(wrongDate);
    assertEquals(301, moved.statusCode());
    assertEquals(permalinkOf(id) + "feed/", moved.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void aPostsFeedFollowsItWhenItsSlugChanges() {
    long id =
        post("Renamed post", PostStatus.PUBLISHED, NOW.minusSeconds(1200), List.of(), List.of());
    String oldSlug = Fixtures.unique("old-slug");
    new SlugRedirectRepository(db.database().jdbi()).put(oldSlug, id, NOW);
    for (String feed : List.of("feed/", "feed/atom/")) {
      HttpResponse<String> moved = server.get("/2026/06/01/" + oldSlug + "/" + feed);
      assertEquals(301, moved.statusCode());
      assertEquals(permalinkOf(id) + feed, moved.headers().firstValue("Location").orElseThrow());
    }
  }

  @Test
  void feedsAnswerConditionalRequestsWith304() {
    for (String path : List.of("/feed/", "/feed/atom/", "/comments/feed/")) {
      HttpResponse<String> first = server.get(path);
      String etag = first.headers().firstValue("ETag").orElseThrow();
      String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
      ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME);

      HttpResponse<String> same = get(path, Map.of("If-None-Match", etag));
      assertEquals(304, same.statusCode(), path);
      assertEquals("", same.body());
      assertEquals(etag, same.headers().firstValue("ETag").orElseThrow());
      assertEquals(304, get(path, Map.of("If-None-Match", "\"other\", W/" + etag)).statusCode());
      assertEquals(304, get(path, Map.of("If-Modified-Since", lastModified)).statusCode());
      String hourEarlier =
          DateTimeFormatter.RFC_1123_DATE_TIME.format(
              ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME)
                  .minusHours(1));
      assertEquals(200, get(path, Map.of("If-Modified-Since", hourEarlier)).statusCode());
      assertEquals(
          200,
          get(path, Map.of("If-None-Match", "\"other\"", "If-Modified-Since", lastModified))
              .statusCode(),
          "If-None-Match decides when both are sent");
    }

    HttpResponse<String> before = server.get("/feed/");
    String etag = before.headers().firstValue("ETag").orElseThrow();
    String lastModified = before.headers().firstValue("Last-Modified").orElseThrow();
    post("Breaking news", PostStatus.PUBLISHED, NOW.minusSeconds(1), List.of(), List.of());
    HttpResponse<String> changed = get("/feed/", Map.of("If-None-Match", etag));
    assertEquals(200, changed.statusCode());
    assertTrue(changed.body().contains("Breaking news"));
    assertFalse(etag.equals(changed.headers().firstValue("ETag").orElseThrow()));
    HttpResponse<String> since = get("/feed/", Map.of("If-Modified-Since", lastModified));
    assertEquals(
        200, since.statusCode(), "a changed feed is newer than the copy, even on a stopped clock");
    Instant newer =
        ZonedDateTime.parse(
                since.headers().firstValue("Last-Modified").orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant();
    assertTrue(
        newer.isAfter(
            ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
  }

  @Test
  void everyPageAnnouncesTheFeeds() {
    long id =
        post(
            "Announced post",
            PostStatus.PUBLISHED,
            NOW.minusSeconds(1000),
            List.of("Announcecat"),
            List.of());
    for (String path : List.of("/", permalinkOf(id), "/category/announcecat/", "/no/such/page/")) {
      Document page = Jsoup.parse(server.get(path).body());
      assertNotNull(alternate(page, "application/rss+xml", BASE + "/feed/"), path);
      assertNotNull(alternate(page, "application/atom+xml", BASE + "/feed/atom/"), path);
      assertNotNull(alternate(page, "application/rss+xml", BASE + "/comments/feed/"), path);
    }
    assertNotNull(
        alternate(
            Jsoup.parse(server.page(permalinkOf(id))),
            "application/rss+xml",
            BASE + permalinkOf(id) + "feed/"));
    assertNotNull(
        alternate(
            Jsoup.parse(server.page("/category/announcecat/")),
            "application/rss+xml",
            BASE + "/category/announcecat/feed/"));
  }

  @Test
  void textThatIsNotXmlFriendlyStillMakesWellFormedFeeds() throws Exception {
    String title = "Ampersands & <angles> ]]> \"quotes\" \u0001bell\u000B café 🎉";
    long id =
        post(title, PostStatus.PUBLISHED, NOW.minusSeconds(30), List.of("Odd & <cat>"), List.of());
    fixtures.comment(id, null, "Zed", "</content:encoded></item> & \u0002", NOW.minusSeconds(10));
    for (String path :
        List.of("/feed/", "/feed/atom/", "/comments/feed/", permalinkOf(id) + "feed/")) {
      String body = server.page(path);
      Xml.parse(body);
      read(body, path.endsWith("atom/") ? "atom_1.0" : "rss_2.0");
    }
    Channel channel = (Channel) read(server.page("/feed/"), "rss_2.0");
    assertTrue(
        rssItem(channel, "Ampersands & <angles> ]]> \"quotes\" bell café 🎉").isPresent(),
        titles(channel).toString());
  }

  private HttpResponse<String> get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path))).GET();
    headers.forEach(request::header);
    return server.send(request.build());
  }

  private static WireFeed read(String xml, String type) throws Exception {
    WireFeed feed = new WireFeedInput().build(new StringReader(xml));
    assertEquals(type, feed.getFeedType());
    return feed;
  }

  private static Optional<Item> rssItem(Channel channel, String title) {
    return channel.getItems().stream().filter(i -> title.equals(i.getTitle())).findFirst();
  }

  private static List<String> titles(Channel channel) {
    return channel.getItems().stream().map(Item::getTitle).toList();
  }

  private static Element link(Element parent, String rel) {
    return Xml.children(parent, Xml.ATOM, "link").stream()
        .filter(l -> rel.equals(l.getAttribute("rel")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no link rel=" + rel));
  }

  private static org.jsoup.nodes.Element alternate(Document page, String type, String href) {
    return page.head().select("link[rel=alternate][type=" + type + "]").stream()
        .filter(l -> l.attr("href").equals(href) && !l.attr("title").isBlank())
        .findFirst()
        .orElse(null);
  }
}
