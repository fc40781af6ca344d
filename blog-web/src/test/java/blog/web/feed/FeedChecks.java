package blog.web.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.web.testing.FeedMarkup;
import blog.web.testing.Xml;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * What the specs require of every feed this blog serves, whatever it lists: RSS 2.0's channel and
 * item elements, Atom's (RFC 4287) feed and entry elements, a self link to the feed's own address,
 * and every link absolute under the base URL. Each feed is also read back by ROME as its type.
 */
final class FeedChecks {
  private FeedChecks() {}

  /** An Atom feed served at {@code self}: the checks of RFC 4287 section 4. */
  static Element atom(String xml, String self, String base) throws Exception {
    assertEquals("atom_1.0", rome(xml).getFeedType(), self);
    Element feed = Xml.parse(xml).getDocumentElement();
    assertEquals(Xml.ATOM, feed.getNamespaceURI(), self);
    assertEquals("feed", feed.getLocalName(), self);
    assertEquals(self, Xml.text(feed, Xml.ATOM, "id"), self + ": atom:id");
    assertFalse(Xml.text(feed, Xml.ATOM, "title").isBlank(), self + ": atom:title");
    OffsetDateTime.parse(Xml.text(feed, Xml.ATOM, "updated"));
    assertEquals(self, link(feed, "self").getAttribute("href"), self + ": rel=self");
    assertTrue(link(feed, "alternate").getAttribute("href").startsWith(base + "/"), self);
    List<Element> entries = Xml.children(feed, Xml.ATOM, "entry");
    boolean feedAuthor = !Xml.children(feed, Xml.ATOM, "author").isEmpty();
    if (feedAuthor) {
      assertFalse(Xml.text(Xml.child(feed, Xml.ATOM, "author"), Xml.ATOM, "name").isBlank());
    }
    Set<String> ids = new HashSet<>();
    for (Element entry : entries) {
      String id = Xml.text(entry, Xml.ATOM, "id");
      assertTrue(ids.add(id), self + ": entry ids are unique: " + id);
      assertTrue(URI.create(id).isAbsolute(), self + ": an entry id is an absolute IRI: " + id);
      assertFalse(Xml.text(entry, Xml.ATOM, "title").isBlank(), self + ": entry title");
      OffsetDateTime.parse(Xml.text(entry, Xml.ATOM, "updated"));
      List<Element> authors = Xml.children(entry, Xml.ATOM, "author");
      assertTrue(feedAuthor || !authors.isEmpty(), self + ": every entry has an author: " + id);
      for (Element author : authors) {
        assertFalse(Xml.text(author, Xml.ATOM, "name").isBlank(), self + ": author name");
      }
      // 4.1.1.1: an entry without content has an alternate link; ours always have both.
      assertTrue(link(entry, "alternate").getAttribute("href").startsWith(base + "/"), id);
      List<Element> content = Xml.children(entry, Xml.ATOM, "content");
      assertEquals(1, content.size(), self + ": one atom:content in " + id);
      assertTrue(
          Set.of("text", "html").contains(content.get(0).getAttribute("type")),
          self + ": content type " + content.get(0).getAttribute("type"));
      for (Element l : Xml.children(entry, Xml.ATOM, "link")) {
        assertTrue(
            l.getAttribute("href").startsWith(base + "/"), self + ": " + l.getAttribute("href"));
      }
    }
    return feed;
  }

  /** An RSS 2.0 feed served at {@code self}: the required channel and item elements. */
  static Element rss(String xml, String self, String base) throws Exception {
    assertEquals("rss_2.0", rome(xml).getFeedType(), self);
    Element rss = Xml.parse(xml).getDocumentElement();
    assertEquals("rss", rss.getLocalName(), self);
    assertEquals("2.0", rss.getAttribute("version"), self);
    Element channel = Xml.child(rss, null, "channel");
    for (String required : List.of("title", "link", "description")) {
      assertFalse(Xml.text(channel, null, required).isBlank(), self + ": channel " + required);
    }
    assertTrue(Xml.text(channel, null, "link").startsWith(base + "/"), self + ": channel link");
    Element selfLink = Xml.child(channel, Xml.ATOM, "link");
    assertEquals("self", selfLink.getAttribute("rel"), self);
    assertEquals(self, selfLink.getAttribute("href"), self + ": atom:link rel=self");
    Set<String> guids = new HashSet<>();
    for (Element item : Xml.children(channel, null, "item")) {
      // RSS 2.0: an item has at least a title or a description.
      assertFalse(
          Xml.text(item, null, "title").isBlank() && Xml.text(item, null, "description").isBlank(),
          self + ": an item without title and description");
      assertTrue(Xml.text(item, null, "link").startsWith(base + "/"), self + ": item link");
      assertTrue(guids.add(Xml.text(item, null, "guid")), self + ": guids are unique");
      ZonedDateTime.parse(Xml.text(item, null, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME);
      assertFalse(Xml.text(item, FeedMarkup.CONTENT_MODULE, "encoded").isBlank(), self);
    }
    return channel;
  }

  static WireFeed rome(String xml) throws Exception {
    return new WireFeedInput().build(new StringReader(xml));
  }

  static Element link(Element parent, String rel) {
    return Xml.children(parent, Xml.ATOM, "link").stream()
        .filter(l -> rel.equals(l.getAttribute("rel")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no link rel=" + rel));
  }
}
