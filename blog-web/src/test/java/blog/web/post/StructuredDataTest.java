package blog.web.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentDraft;
import blog.core.comment.CommentRenderer;
import blog.core.comment.CommentRepository;
import blog.core.comment.CommentStatus;
import blog.core.comment.DiscussionSettings;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.testing.Fixtures;
import blog.web.testing.ActiveContent;
import blog.web.testing.Browser;
import blog.web.testing.Microdata;
import blog.web.testing.Microdata.Item;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** What search engines read on a post page: schema.org microdata for the post and its comments. */
class StructuredDataTest extends WebTestBase {
  private static final Instant NOW = TestServer.NOW;
  private static final String COMMENT = "https://schema.org/Comment";
  private static final String PERSON = "https://schema.org/Person";

  private CommentRepository comments;
  private SettingsRepository settings;
  private long author;

  @Override
  protected void prepare() {
    comments = new CommentRepository(db.database().jdbi());
    settings = new SettingsRepository(db.database().jdbi());
    author = fixtures.author("Host");
  }

  @Test
  void thePostIsABlogPostingWithItsApprovedCommentsNestedAsComments() {
    long post = fixtures.post(author, "Marked up", PostStatus.PUBLISHED, NOW.minusSeconds(7200));
    String permalink = permalink(post);
    long first =
        comment(post, null, "Ada", "https://ada.example/", "First words.", NOW.minusSeconds(3600));
    long reply = comment(post, first, "Bob", null, "A reply to Ada.", NOW.minusSeconds(1800));
    long second = comment(post, null, "Cy", null, "Second thread.", NOW.minusSeconds(900));
    fixtures.comment(
        post, null, "Held", "Not approved.", NOW.minusSeconds(600), CommentStatus.PENDING);

    String page = server.page(permalink);
    String url = server.url(permalink);
    List<Item> items = Microdata.items(page, url);
    assertEquals(1, items.size(), "one top-level item: " + items);
    Item posting = items.get(0);
    assertEquals("https://schema.org/BlogPosting", posting.type());
    assertEquals("Marked up", posting.text("headline"));
    assertEquals(NOW.minusSeconds(7200), instant(posting.text("datePublished")));
    assertEquals(PERSON, posting.item("author").type());
    assertEquals("Host", posting.item("author").text("name"));
    assertEquals("3", posting.text("commentCount"));
    assertEquals(url, posting.text("url"));

    List<Item> threads = posting.items("comment");
    assertEquals(2, threads.size(), "top-level comments only: " + threads);
    Item ada = threads.get(0);
    assertEquals(COMMENT, ada.type());
    assertEquals(url + "#comment-" + first, ada.text("url"));
    assertEquals(PERSON, ada.item("author").type());
    assertEquals("Ada", ada.item("author").text("name"));
    assertEquals("https://ada.example/", ada.item("author").text("url"));
    assertEquals(NOW.minusSeconds(3600), instant(ada.text("dateCreated")));
    assertEquals("First words.", ada.text("text"));

    Item bob = ada.item("comment");
    assertEquals(COMMENT, bob.type());
    assertEquals(url + "#comment-" + reply, bob.text("url"));
    assertEquals("Bob", bob.item("author").text("name"));
    assertEquals(List.of(), bob.item("author").values("url"), "no website, no url");
    assertEquals("A reply to Ada.", bob.text("text"));

    Item cy = threads.get(1);
    assertEquals(url + "#comment-" + second, cy.text("url"));
    assertEquals(List.of(), cy.values("comment"));

    Elements listed = Jsoup.parse(page).select("li.comment");
    assertEquals(3, listed.size());
    for (Element li : listed) {
      assertTrue(li.hasAttr("itemscope"), li.id());
      assertEquals(COMMENT, li.attr("itemtype"), li.id());
      assertEquals("comment", li.attr("itemprop"), li.id());
    }
    assertEquals(List.of(), ActiveContent.find(page));
  }

  @Test
  void aHeldCommentShownToItsAuthorIsNotMarkedUpAsPublished() {
    settings.putAll(
        Map.of(
            DiscussionSettings.MODERATION, "all",
            DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0",
            DiscussionSettings.FLOOD_SECONDS, "0"));
    long post = fixtures.post(author, "Held back", PostStatus.PUBLISHED, NOW.minusSeconds(7200));
    String permalink = permalink(post);
    comment(post, null, "Early", null, "Approved before.", NOW.minusSeconds(3600));
    Browser guest = new Browser(server);
    Map<String, String> form = Browser.replyForm(guest.page(permalink));
    form.putAll(
        Map.of("author", "Hal", "email", "hal@example.org", "comment", "Still held words."));
    assertEquals(303, guest.post("/comments/", form).statusCode());

    String own = guest.page(permalink);
    assertTrue(own.contains("Your comment is awaiting moderation."), "the author sees it");
    Element held = Jsoup.parse(own).selectFirst("li.comment.awaiting-moderation");
    assertNotNull(held);
    for (String attribute : List.of("itemscope", "itemtype", "itemprop")) {
      assertFalse(held.hasAttr(attribute), attribute);
    }
    assertEquals(0, held.select("[itemprop], [itemscope]").size(), held.outerHtml());

    Item posting = Microdata.items(own, server.url(permalink)).get(0);
    assertEquals("1", posting.text("commentCount"));
    assertEquals(1, posting.items("comment").size());
    assertEquals("Approved before.", posting.item("comment").text("text"));
    assertFalse(
        texts(posting).stream().anyMatch(t -> t.contains("Still held words.") || t.equals("Hal")),
        "nothing of the held comment is structured data");
  }

  @Test
  void microdataTypedIntoACommentStaysText() {
    long post = fixtures.post(author, "Spoofed", PostStatus.PUBLISHED, NOW.minusSeconds(7200));
    String permalink = permalink(post);
    String spoof =
        "<div itemprop=\"comment\" itemscope itemtype=\"https://schema.org/Comment\">"
            + "<span itemprop=\"text\">Fake</span></div>";
    comment(post, null, "Mallory", null, spoof, NOW.minusSeconds(60));

    Item posting = Microdata.items(server.page(permalink), server.url(permalink)).get(0);
    Item only = posting.item("comment");
    assertEquals(spoof, only.text("text"));
    assertEquals(List.of(), only.values("comment"));
  }

  private long comment(
      long post, Long parent, String name, String website, String text, Instant at) {
    return comments.insert(
        new CommentDraft(
            post,
            parent,
            name,
            Fixtures.unique("c") + "@example.org",
            website,
            null,
            null,
            text,
            new CommentRenderer().render(text),
            CommentStatus.APPROVED,
            null,
            at,
            "192.0.2.1",
            "test",
            null));
  }

  private String permalink(long id) {
    Post post = new PostRepository(db.database().jdbi()).findById(id).orElseThrow();
    return "/"
        + DateTimeFormatter.ofPattern("yyyy/MM/dd")
            .format(post.publishedAt().atZone(ZoneOffset.UTC))
        + "/"
        + post.slug()
        + "/";
  }

  private static Instant instant(String iso) {
    return OffsetDateTime.parse(iso).toInstant();
  }

  /** Every text value of an item and the items inside it. */
  private static List<String> texts(Item item) {
    List<String> texts = new ArrayList<>();
    item.properties()
        .values()
        .forEach(
            values ->
                values.forEach(
                    v -> {
                      if (v instanceof Item inner) {
                        texts.addAll(texts(inner));
                      } else {
                        texts.add((String) v);
                      }
                    }));
    return texts;
  }
}
