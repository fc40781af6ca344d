package blog.core.webmention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The h-entry of a mention's source as the blog reads it. */
class MicroformatsTest {
  private static final String TARGET = "https://blog.example/2026/06/01/a-post/";

  private static Document page(String body) {
    return Jsoup.parse(
        "<!DOCTYPE html><html><body>" + body + "</body></html>", "https://alice.example/notes/1");
  }

  @Test
  void aReplyWithItsAuthorsCardContentAndDate() {
    Document doc =
        page(
            """
            <article class="h-entry">
              <div class="p-author h-card">
                <a class="u-url p-name" href="/">Alice Example</a>
                <img class="u-photo" src="/me.png" alt="">
              </div>
              <p>In reply to <a class="u-in-reply-to" href="%s">a post</a></p>
              <div class="e-content"><p>Great post! See <a href="https://x.example/y">this</a>.</p></div>
              <time class="dt-published" datetime="2026-06-01T10:00:00Z">June 1</time>
            </article>
            """
                .formatted(TARGET));
    Microformats.Entry entry = Microformats.entry(doc, TARGET);
    assertEquals(MentionKind.REPLY, entry.kind());
    assertEquals("Alice Example", entry.author().name());
    assertEquals("https://alice.example/", entry.author().url());
    assertEquals("https://alice.example/me.png", entry.author().photo());
    assertEquals("Great post! See  https://x.example/y .", entry.contentText());
    assertEquals("2026-06-01T10:00:00Z", entry.published());
    assertTrue(Microformats.linksTo(doc, TARGET));
  }

  @Test
  void likesAndRepostsAreToldByTheirProperty() {
    assertEquals(
        MentionKind.LIKE,
        Microformats.entry(
                page("<div class=\"h-entry\"><a class=\"u-like-of\" href=\"" + TARGET + "\">"),
                TARGET)
            .kind());
    assertEquals(
        MentionKind.REPOST,
        Microformats.entry(
                page(
                    "<div class=\"h-entry\"><div class=\"u-repost-of h-cite\"><a class=\"u-url\""
                        + " href=\""
                        + TARGET
                        + "#x\">cited</a></div></div>"),
                TARGET)
            .kind(),
        "a nested h-cite's url, the fragment aside");
    assertEquals(
        MentionKind.MENTION,
        Microformats.entry(
                page(
                    "<div class=\"h-entry\"><a class=\"u-in-reply-to\""
                        + " href=\"https://other.example/\">x</a> <a href=\""
                        + TARGET
                        + "\">y</a></div>"),
                TARGET)
            .kind(),
        "a reply to something else that links to the post mentions it");
  }

  @Test
  void theEntryAboutTheTargetIsChosenAndNestedItemsKeepTheirProperties() {
    Document doc =
        page(
            """
            <div class="h-feed">
              <div class="h-entry"><p class="p-name">Another</p>
                <div class="e-content">Unrelated</div></div>
              <div class="h-entry">
                <a class="p-author h-card" href="https://bob.example/">Bob</a>
                <div class="u-in-reply-to h-cite"><p class="p-name">Not mine</p>
                  <a class="u-url" href="%s">t</a></div>
                <div class="e-content">Mine</div>
              </div>
            </div>
            """
                .formatted(TARGET));
    Microformats.Entry entry = Microformats.entry(doc, TARGET);
    assertEquals(MentionKind.REPLY, entry.kind());
    assertEquals("Mine", entry.contentText());
    assertNull(entry.name(), "the cited entry's name is not the reply's");
    assertEquals("Bob", entry.author().name(), "implied from the h-card's text");
    assertEquals("https://bob.example/", entry.author().url(), "implied from its href");
  }

  @Test
  void aPageWithoutMicroformatsOnlyMentions() {
    Document doc = page("<p>See <a href=\"" + TARGET + "\">this</a></p>");
    Microformats.Entry entry = Microformats.entry(doc, TARGET);
    assertEquals(MentionKind.MENTION, entry.kind());
    assertNull(entry.author());
    assertTrue(Microformats.linksTo(doc, TARGET));
    assertFalse(Microformats.linksTo(page("<p>" + TARGET + "</p>"), TARGET), "text is no link");
  }
}
