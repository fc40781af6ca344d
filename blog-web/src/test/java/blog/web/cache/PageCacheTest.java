package blog.web.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.change.ContentVersions;
import blog.core.comment.DiscussionSettings;
import blog.core.identity.Role;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.testing.Fixtures;
import blog.core.testing.MutableClock;
import blog.web.site.Permalinks;
import blog.web.testing.Browser;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The page cache as its polled, production self (not the exact mode the other tests use): shared
 * pages for anonymous readers, never anything personal across visitors, and what this instance
 * changes visible on the very next request.
 */
class PageCacheTest extends WebTestBase {
  private static final Duration STALE_BOUND = PageCache.STALE_BOUND;
  private static final Duration STALE_WITHOUT_RENDER = PageCache.STALE_WITHOUT_RENDER;
  private final MutableClock clock = new MutableClock(TestServer.NOW);
  private SettingsRepository settings;

  @Override
  protected Clock clock() {
    return clock;
  }

  @Override
  protected Map<String, String> config() {
    return Map.of("page-cache.exact", "false");
  }

  @Override
  protected void prepare() {
    settings = new SettingsRepository(db.database().jdbi());
  }

  /**
   * The tests share a server and a clock that stands still: without this a page one test had
   * rendered anew within a "second" would be hot in the next, and answered as it is.
   */
  @BeforeEach
  void noPageHotFromTheTestBefore() {
    clock.advance(STALE_BOUND);
  }

  @BeforeEach
  void relaxedRules() {
    settings.putAll(
        Map.of(
            DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0",
            DiscussionSettings.FLOOD_SECONDS, "0",
            DiscussionSettings.MODERATION, "none"));
  }

  private static String cacheState(HttpResponse<String> response) {
    return response.headers().firstValue(PageCache.HEADER).orElse("");
  }

  /** Asks for {@code path} until the cache answers it, at most a few seconds. */
  private void cached(String path) throws InterruptedException {
    // First let the version poll (every 250 ms) notice the test's own writes, so the hit below is
    // not an entry about to go stale.
    Thread.sleep(800);
    long deadline = System.nanoTime() + 5_000_000_000L;
    String state;
    while (!"hit".equals(state = cacheState(new Browser(server).get(path)))) {
      assertTrue(System.nanoTime() < deadline, "the page is never answered from the cache");
      if ("stale".equals(state)) {
        // A page rendered anew within a second of the one before is answered as it is for a
        // quarter of a second; this clock stands still unless told.
        clock.advance(STALE_WITHOUT_RENDER);
      }
      Thread.sleep(50);
    }
  }

  @Test
  void anonymousReadersShareAPageButEachGetsTheirOwnTokens() throws Exception {
    String permalink = publishedPost("Shared");
    cached(permalink);
    Browser first = new Browser(server);
    HttpResponse<String> a = first.get(permalink);
    Browser second = new Browser(server);
    HttpResponse<String> b = second.get(permalink);
    assertEquals("hit", cacheState(a));
    assertEquals("hit", cacheState(b));
    Map<String, String> formA = Browser.replyForm(a.body());
    Map<String, String> formB = Browser.replyForm(b.body());
    assertNotEquals(formA.get("_csrf"), formB.get("_csrf"), "each visitor has their own token");
    assertNotEquals(formA.get("form_token"), formB.get("form_token"));
    assertFalse(b.body().contains("@@"), "no placeholder reaches a visitor");

    // Each visitor's form works for them, and only once per form.
    formB.putAll(Map.of("author", "Bea", "email", "bea@example.org", "comment", "From B."));
    assertEquals(303, second.post("/comments/", formB).statusCode());
    Map<String, String> stolen = Browser.replyForm(a.body());
    stolen.putAll(Map.of("author", "Eve", "email", "eve@example.org", "comment", "Stolen."));
    HttpResponse<String> refused = second.post("/comments/", stolen);
    assertEquals(422, refused.statusCode(), "A's token is not B's");
    assertTrue(refused.body().contains("This form has expired."), refused.body());
    assertFalse(new Browser(server).page(permalink).contains("Stolen."));
  }

  @Test
  void aKeptPageIsAnsweredWithTheHeadersOfTheRenderedOneAndGzippedWhenAskedFor() throws Exception {
    String permalink = publishedPost("Headers");
    settings.putAll(Map.of("site.tagline", Fixtures.unique("A new version"))); // a fresh render
    Thread.sleep(800); // the version poll notices the change
    HttpResponse<String> rendered = new Browser(server).get(permalink);
    assertEquals("miss", cacheState(rendered));
    cached(permalink);
    HttpResponse<String> kept = new Browser(server).get(permalink);
    assertEquals("hit", cacheState(kept));
    assertEquals(stableHeaders(rendered), stableHeaders(kept));
    assertTrue(kept.headers().firstValue("X-Request-Id").orElseThrow().matches("[0-9a-f]{16}"));
    assertNotEquals(
        rendered.headers().firstValue("X-Request-Id"), kept.headers().firstValue("X-Request-Id"));
    String cookie = kept.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.matches("blog_bid=[A-Za-z0-9_-]+; Path=/; HttpOnly; SameSite=Lax"), cookie);
    assertEquals(rendered.body().length(), kept.body().length(), "same page, other tokens");

    HttpResponse<byte[]> zipped = askingForGzip(permalink);
    assertEquals("hit", zipped.headers().firstValue(PageCache.HEADER).orElse(""));
    assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
    try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(kept.body().length(), page.length());
      assertTrue(page.endsWith("</html>\n") || page.endsWith("</html>"), page);
    }
  }

  @Test
  void aLargeKeptPageIsTheRenderedPageWithTheVisitorsOwnTokens() throws Exception {
    long author = fixtures.author("Long writer");
    String body = "A long post, written at length. ".repeat(CachedPage.WRITTEN_IN_PARTS / 16);
    String permalink =
        permalinkOf(
            fixtures.postWithBody(
                author,
                Fixtures.unique("Long"),
                body,
                PostStatus.PUBLISHED,
                TestServer.NOW.minusSeconds(3600)));
    cached(permalink);
    HttpResponse<String> kept = new Browser(server).get(permalink);
    assertEquals("hit", cacheState(kept));
    // The same page rendered afresh: a visitor with a cookie the blog does not know is not served
    // from the cache.
    Browser other = new Browser(server);
    other.setCookie("unrelated", "1");
    HttpResponse<String> rendered = other.get(permalink);
    assertEquals("", cacheState(rendered));
    assertTrue(kept.body().length() > CachedPage.WRITTEN_IN_PARTS, "a page written in parts");
    assertEquals(withoutTokens(rendered.body()), withoutTokens(kept.body()));
    assertNotEquals(
        Browser.replyForm(rendered.body()).get("_csrf"),
        Browser.replyForm(kept.body()).get("_csrf"));
    assertEquals(
        Long.toString(kept.body().getBytes(StandardCharsets.UTF_8).length),
        kept.headers().firstValue("Content-Length").orElseThrow());

    HttpResponse<byte[]> zipped = askingForGzip(permalink);
    assertEquals("hit", zipped.headers().firstValue(PageCache.HEADER).orElse(""));
    try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      assertEquals(
          withoutTokens(kept.body()),
          withoutTokens(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
  }

  /** {@code path} as a browser asks for it: gzip welcome, the body as it comes. */
  private HttpResponse<byte[]> askingForGzip(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Accept-Encoding", "gzip")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A page with its per-visitor token values blanked. */
  private static String withoutTokens(String html) {
    return html.replaceAll("name=\"(_csrf|form_token)\" value=\"[^\"]*\"", "name=\"$1\"");
  }

  @Test
  void aVisitorWithAnyOtherCookieOrAnotherHostNameIsNeverAnsweredFromTheCache() throws Exception {
    String permalink = publishedPost("Other cookie");
    cached(permalink);
    Browser personal = new Browser(server);
    personal.setCookie("blog_commenter", "someone");
    HttpResponse<String> page = personal.get(permalink);
    assertEquals(200, page.statusCode());
    assertEquals("", cacheState(page), "a personal request is rendered for its visitor");

    // The page was kept for the host name the test uses; a request naming another host is
    // rendered for it (and meets the canonical-host rules), never answered with that page.
    URI base = URI.create(server.url("/"));
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(5000);
      socket
          .getOutputStream()
          .write(
              ("GET "
                      + permalink
                      + " HTTP/1.1\r\nHost: other.example:"
                      + base.getPort()
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      String answer =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
      assertTrue(answer.contains("X-Page-Cache: miss"), answer);
    }
  }

  @Test
  void feedsAreKeptAnswerConditionalRequestsAndShowANewCommentAtOnce() throws Exception {
    String permalink = publishedPost("Feed");
    // The post's comment feed (the site-wide one lives under /comments/, never kept).
    String feed = permalink + "feed/";
    cached(feed);
    HttpResponse<String> kept = new Browser(server).get(feed);
    assertEquals("hit", cacheState(kept));
    assertTrue(kept.headers().firstValue("Content-Type").orElseThrow().contains("rss+xml"));
    String etag = kept.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> current =
        server.send(
            HttpRequest.newBuilder(URI.create(server.url(feed)))
                .header("If-None-Match", etag)
                .build());
    assertEquals(304, current.statusCode());
    assertEquals("hit", cacheState(current));
    assertEquals("", current.body());
    HttpResponse<String> other =
        server.send(
            HttpRequest.newBuilder(URI.create(server.url(feed)))
                .header("If-None-Match", "\"something-else\"")
                .build());
    assertEquals(200, other.statusCode());
    assertEquals(kept.body(), other.body());

    String words = commentOn(permalink, "Fay", "fay@example.org", "Fed straight in");
    HttpResponse<String> next =
        server.send(
            HttpRequest.newBuilder(URI.create(server.url(feed)))
                .header("If-None-Match", etag)
                .build());
    assertEquals(200, next.statusCode(), "the old copy is no longer current");
    assertTrue(next.body().contains(words), "no stale feed after our own write");
    cached("/comments/feed/");
    assertTrue(new Browser(server).get("/comments/feed/").body().contains(words));
  }

  /** Headers that must be the same on a rendered and a kept answer of one page. */
  private static Map<String, List<String>> stableHeaders(HttpResponse<?> response) {
    Set<String> volatile_ =
        Set.of(
            "date",
            "x-request-id",
            "x-page-cache",
            "set-cookie",
            "expires",
            "content-length",
            "transfer-encoding");
    Map<String, List<String>> stable = new TreeMap<>();
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!volatile_.contains(name.toLowerCase(Locale.ROOT))) {
                stable.put(name.toLowerCase(Locale.ROOT), values);
              }
            });
    assertTrue(stable.containsKey("content-security-policy"), stable.toString());
    return stable;
  }

  @Test
  void aCommentMadeHereIsOnTheVeryNextAnonymousRequest() throws Exception {
    String permalink = publishedPost("Fresh");
    cached(permalink);
    String words = commentOn(permalink, "Wes", "wes@example.org", "Straight in");
    HttpResponse<String> next = new Browser(server).get(permalink);
    assertTrue(next.body().contains(words), "no stale page after our own write");
    // With no render of the page under way, nobody is answered with the page from before.
    assertEquals("miss", cacheState(next));
  }

  @Test
  void whileAPageIsRenderedAnewReadersGetTheOldOneForUnderASecondButTheCommenterTheirOwn()
      throws Exception {
    String permalink = publishedPost("Hot");
    cached(permalink);
    String host = URI.create(server.url("/")).getAuthority();
    // A render of the page is under way (as on a post taking comments faster than it renders).
    Runnable rendered = server.pageCache().holdRender(host, permalink);
    try {
      Browser commenter = new Browser(server);
      Map<String, String> form = Browser.replyForm(commenter.page(permalink));
      String words = Fixtures.unique("Hot take");
      form.putAll(Map.of("author", "Cy", "email", "cy@example.org", "comment", words));
      assertEquals(303, commenter.post("/comments/", form).statusCode());

      HttpResponse<String> own = commenter.get(permalink);
      assertTrue(own.body().contains(words), "the commenter sees their comment at once");
      assertEquals("", cacheState(own), "rendered for them, never the kept page");

      clock.advance(STALE_BOUND.minusMillis(1));
      HttpResponse<String> reader = new Browser(server).get(permalink);
      assertEquals("stale", cacheState(reader));
      assertFalse(reader.body().contains(words), "the page from before the comment");
      assertFalse(reader.body().contains("@@"), "with the reader's own tokens");
      assertNotEquals(
          Browser.replyForm(reader.body()).get("_csrf"),
          Browser.replyForm(own.body()).get("_csrf"));

      clock.advance(Duration.ofMillis(1));
      HttpResponse<String> later = new Browser(server).get(permalink);
      assertEquals("miss", cacheState(later), "a second on, the reader renders it");
      assertTrue(later.body().contains(words));
      assertEquals("hit", cacheState(new Browser(server).get(permalink)));
    } finally {
      rendered.run();
    }
  }

  @Test
  void aPageRenderedAnewWithinASecondIsAnsweredAsItIsForAQuarterSecondWithNoRenderUnderWay()
      throws Exception {
    String permalink = publishedPost("Busy talk");
    cached(permalink);
    String first = commentOn(permalink, "Ann", "ann@example.org", "First words");
    HttpResponse<String> rendered = new Browser(server).get(permalink);
    assertEquals("miss", cacheState(rendered), "changed once: rendered anew for the next reader");
    assertTrue(rendered.body().contains(first));

    String second = commentOn(permalink, "Bo", "bo@example.org", "Second words");
    clock.advance(STALE_WITHOUT_RENDER.minusMillis(1));
    HttpResponse<String> reader = new Browser(server).get(permalink);
    assertEquals("stale", cacheState(reader), "rendered twice within a second: a hot page");
    assertTrue(reader.body().contains(first));
    assertFalse(reader.body().contains(second), "the page from before the second comment");
    assertFalse(reader.body().contains("@@"), "with the reader's own tokens");

    clock.advance(Duration.ofMillis(1));
    HttpResponse<String> later = new Browser(server).get(permalink);
    assertEquals("miss", cacheState(later), "a quarter second on, the reader renders it");
    assertTrue(later.body().contains(second));
  }

  @Test
  void aCommentOnOnePostLeavesOtherPostsPagesKeptAndIsCountedOnTheHomePageAtOnce()
      throws Exception {
    long quietId = publishedPostId("Quiet");
    long busyId = publishedPostId("Busy");
    assertNotEquals(ContentVersions.postSlot(quietId), ContentVersions.postSlot(busyId));
    String quiet = permalinkOf(quietId);
    String busy = permalinkOf(busyId);
    cached(quiet);
    cached(busy);
    cached("/");
    String count = busy + "#comments\">1 response</a>";
    assertFalse(new Browser(server).page("/").contains(count), "no comment yet");

    String words = commentOn(busy, "Wes", "wes@example.org", "Busy words");

    HttpResponse<String> quietAgain = new Browser(server).get(quiet);
    assertEquals("hit", cacheState(quietAgain), "the other post's page is still kept");
    HttpResponse<String> busyAgain = new Browser(server).get(busy);
    assertNotEquals("hit", cacheState(busyAgain), "the post's own page is rendered anew");
    assertTrue(busyAgain.body().contains(words));
    HttpResponse<String> home = new Browser(server).get("/");
    assertNotEquals("hit", cacheState(home), "the home page counts every post's comments");
    assertTrue(home.body().contains(count), "and shows the new count");
  }

  @Test
  void aCommentRendersTheListingsShowingItsPostAndLeavesTheOthersKept() throws Exception {
    // A month no other test posts in: its archive lists this post alone.
    ZonedDateTime longAgo = TestServer.NOW.atZone(ZoneOffset.UTC).minusMonths(30);
    String oldTitle = Fixtures.unique("Oldfangled");
    long oldId =
        fixtures.post(
            fixtures.author("Author of Old"), oldTitle, PostStatus.PUBLISHED, longAgo.toInstant());
    long busyId = publishedPostId("Listed");
    assertNotEquals(ContentVersions.postSlot(oldId), ContentVersions.postSlot(busyId));
    String archive = Permalinks.month(longAgo.getYear(), longAgo.getMonthValue());
    String busy = permalinkOf(busyId);
    String search = "/?s=" + oldTitle;
    cached(archive);
    cached(search);
    cached("/");
    cached("/feed/");
    cached(busy + "feed/");
    assertTrue(new Browser(server).page(archive).contains(permalinkOf(oldId)));
    assertTrue(new Browser(server).page(search).contains(permalinkOf(oldId)), "found");

    String words = commentOn(busy, "Lia", "lia@example.org", "Listed words");

    HttpResponse<String> archiveAgain = new Browser(server).get(archive);
    assertEquals("hit", cacheState(archiveAgain), "it lists no post the comment is on");
    assertEquals("hit", cacheState(new Browser(server).get(search)), "nor do these results");
    HttpResponse<String> home = new Browser(server).get("/");
    assertNotEquals("hit", cacheState(home), "the home page lists the post");
    assertTrue(home.body().contains(busy + "#comments\">1 response</a>"), "and counts it");
    HttpResponse<String> feed = new Browser(server).get("/feed/");
    assertNotEquals("hit", cacheState(feed), "so does the feed");
    assertTrue(feed.body().contains("<slash:comments>1</slash:comments>"), feed.body());
    HttpResponse<String> comments = new Browser(server).get(busy + "feed/");
    assertNotEquals("hit", cacheState(comments), "the post's comment feed shows the comment");
    assertTrue(comments.body().contains(words));
  }

  /**
   * A new browser comments on the post at {@code permalink} through its reply form (accepted: 303);
   * answers the comment's words, {@code prefix} made unique.
   */
  private String commentOn(String permalink, String author, String email, String prefix) {
    Browser writer = new Browser(server);
    Map<String, String> form = Browser.replyForm(writer.page(permalink));
    String words = Fixtures.unique(prefix);
    form.putAll(Map.of("author", author, "email", email, "comment", words));
    assertEquals(303, writer.post("/comments/", form).statusCode());
    return words;
  }

  @Test
  void aPostPublishedHereIsInEveryPagesSidebarOnTheNextRequest() throws Exception {
    String other = publishedPost("Elsewhere");
    cached(other);
    StaffBrowsers staff = new StaffBrowsers(db.database().jdbi(), server);
    Browser admin = staff.loggedIn(staff.account(Role.ADMIN, "Ada"));
    String editor = admin.page("/admin/posts/new");
    String title = Fixtures.unique("Just out");
    Map<String, String> form = new HashMap<>();
    form.put("_csrf", StaffBrowsers.hidden(editor, "_csrf"));
    form.put("version", StaffBrowsers.hidden(editor, "version"));
    form.put("draft_key", StaffBrowsers.hidden(editor, "draft_key"));
    form.putAll(
        Map.of(
            "title", title,
            "slug", "",
            "body", "Hello.",
            "excerpt", "",
            "categories", "",
            "tags", "",
            "status", "publish",
            "publish_at", ""));
    assertEquals(303, admin.post("/admin/posts", form).statusCode());
    // The other post's page is rendered anew, and its sidebar sums up the blog as it is now.
    String page = new Browser(server).page(other);
    assertTrue(page.contains(title), "the new post is among the recent posts");
  }

  @Test
  void aHeldCommentIsSeenByItsAuthorOnlyAndPersonalPagesAreNeverShared() {
    settings.putAll(Map.of(DiscussionSettings.MODERATION, "all"));
    String permalink = publishedPost("Held");
    Browser author = new Browser(server);
    Map<String, String> form = Browser.replyForm(author.page(permalink));
    String words = Fixtures.unique("Waiting words");
    form.putAll(
        Map.of(
            "author", "Hana Held",
            "email", "hana@example.org",
            "comment", words,
            "remember", "yes"));
    assertEquals(303, author.post("/comments/", form).statusCode());
    HttpResponse<String> own = author.get(permalink);
    assertTrue(own.body().contains(words), "the author sees their held comment");
    assertEquals("", cacheState(own), "a page with the author's own bits is not from the cache");
    for (int i = 0; i < 2; i++) {
      String stranger = new Browser(server).page(permalink);
      assertFalse(stranger.contains(words), "nobody else sees it");
      assertFalse(stranger.contains("Hana Held"), "nor the author's remembered name");
      assertFalse(stranger.contains("hana@example.org"));
    }
  }

  @Test
  void aScheduledPostAppearsWhenItsTimeComesThoughNothingWasWritten() throws Exception {
    String title = Fixtures.unique("Later");
    fixtures.post(
        fixtures.author("Sched"), title, PostStatus.SCHEDULED, clock.instant().plusSeconds(30));
    cached("/");
    assertFalse(new Browser(server).page("/").contains(title));
    clock.advance(Duration.ofSeconds(31));
    assertTrue(new Browser(server).page("/").contains(title));
  }

  @Test
  void aChangeMadeBehindTheBlogsBackIsSeenWithinTheVersionBound() throws Exception {
    String permalink = publishedPost("Behind");
    cached(permalink);
    String words = Fixtures.unique("Written elsewhere");
    long postId =
        db.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT id FROM posts WHERE title LIKE 'Behind%'")
                        .mapTo(Long.class)
                        .one());
    fixtures.comment(postId, null, "Other instance", words, clock.instant());
    long deadline = System.nanoTime() + 1_000_000_000L;
    while (!new Browser(server).page(permalink).contains(words)) {
      assertTrue(System.nanoTime() < deadline, "seen within a second");
      Thread.sleep(20);
    }
  }
}
