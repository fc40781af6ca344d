package blog.web.feed;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.modules.slash.Slash;
import com.rometools.modules.slash.SlashImpl;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Writes a {@link FeedChannel} as RSS 2.0 or Atom 1.0 with ROME. RSS items carry the excerpt as
 * {@code description}, the full post as {@code content:encoded}, the author as {@code dc:creator}
 * (RSS's own {@code author} must be an email address) and the comment count as {@code
 * slash:comments}; the channel names itself with {@code atom:link rel="self"}.
 */
final class FeedWriter {
  static final String GENERATOR = "Blog";

  String write(FeedChannel channel, FeedFormat format) {
    WireFeed feed = format == FeedFormat.RSS ? rss(channel) : atom(channel);
    feed.setEncoding("UTF-8");
    try {
      return new WireFeedOutput().outputString(feed);
    } catch (FeedException e) {
      throw new IllegalStateException("Cannot write the feed " + channel.self(), e);
    }
  }

  private static Channel rss(FeedChannel c) {
    Channel channel = new Channel(FeedFormat.RSS.romeType);
    channel.setTitle(XmlChars.clean(c.title()));
    channel.setLink(c.link());
    // Required by RSS 2.0, so never empty.
    channel.setDescription(
        XmlChars.clean(PlainText.escaped(c.description().isBlank() ? c.title() : c.description())));
    channel.setLanguage("en");
    channel.setLastBuildDate(date(c.updated()));
    channel.setGenerator(GENERATOR);
    AtomLinkModule self = new AtomLinkModuleImpl();
    self.setLinks(new ArrayList<>(List.of(link("self", FeedFormat.RSS.mediaType(), c.self()))));
    channel.setModules(new ArrayList<>(List.of(self)));
    List<Item> items = new ArrayList<>();
    for (FeedItem i : c.items()) {
      items.add(rssItem(i));
    }
    channel.setItems(items);
    return channel;
  }

  private static Item rssItem(FeedItem i) {
    Item item = new Item();
    item.setTitle(XmlChars.clean(i.title()));
    item.setLink(i.link());
    Guid guid = new Guid();
    guid.setValue(i.id());
    guid.setPermaLink(false);
    item.setGuid(guid);
    item.setPubDate(date(i.published()));
    Description description = new Description();
    // Readers take an RSS description as HTML whatever it says: plain text goes in escaped, so
    // a comment that reads "<script>" stays text there too.
    description.setType("text/html");
    description.setValue(XmlChars.clean(PlainText.escaped(i.summary())));
    item.setDescription(description);
    Content content = new Content();
    content.setType(Content.HTML);
    content.setValue(XmlChars.clean(i.contentHtml()));
    item.setContent(content);
    List<Category> categories = new ArrayList<>();
    for (FeedItem.Category name : i.categories()) {
      Category category = new Category();
      category.setValue(XmlChars.clean(name.name()));
      categories.add(category);
    }
    item.setCategories(categories);
    if (i.commentCount() != null) {
      item.setComments(i.link() + "#comments");
    }
    item.setModules(modules(i, true));
    return item;
  }

  private static Feed atom(FeedChannel c) {
    Feed feed = new Feed(FeedFormat.ATOM.romeType);
    feed.setId(c.self());
    feed.setTitleEx(text(c.title()));
    if (!c.description().isBlank()) {
      feed.setSubtitle(text(c.description()));
    }
    feed.setUpdated(date(c.updated()));
    feed.setLanguage("en");
    feed.setAlternateLinks(new ArrayList<>(List.of(link("alternate", "text/html", c.link()))));
    feed.setOtherLinks(
        new ArrayList<>(List.of(link("self", FeedFormat.ATOM.mediaType(), c.self()))));
    // RFC 4287 4.1.1: a feed names an author unless every entry does; an empty feed has none.
    feed.setAuthors(persons(c.siteTitle()));
    Generator generator = new Generator();
    generator.setValue(GENERATOR);
    feed.setGenerator(generator);
    List<Entry> entries = new ArrayList<>();
    for (FeedItem i : c.items()) {
      entries.add(atomEntry(i));
    }
    feed.setEntries(entries);
    return feed;
  }

  private static Entry atomEntry(FeedItem i) {
    Entry entry = new Entry();
    entry.setId(i.id());
    entry.setTitleEx(text(i.title()));
    entry.setAlternateLinks(new ArrayList<>(List.of(link("alternate", "text/html", i.link()))));
    if (i.commentsFeed() != null) {
      entry.setOtherLinks(
          new ArrayList<>(List.of(link("replies", FeedFormat.ATOM.mediaType(), i.commentsFeed()))));
    }
    entry.setPublished(date(i.published()));
    entry.setUpdated(date(i.updated()));
    entry.setAuthors(persons(i.authorName()));
    List<com.rometools.rome.feed.atom.Category> categories = new ArrayList<>();
    for (FeedItem.Category name : i.categories()) {
      com.rometools.rome.feed.atom.Category category = new com.rometools.rome.feed.atom.Category();
      category.setTerm(XmlChars.clean(name.name()));
      category.setScheme(name.scheme());
      categories.add(category);
    }
    entry.setCategories(categories);
    entry.setSummary(text(i.summary()));
    com.rometools.rome.feed.atom.Content content = new com.rometools.rome.feed.atom.Content();
    content.setType(com.rometools.rome.feed.atom.Content.HTML);
    content.setValue(XmlChars.clean(i.contentHtml()));
    entry.setContents(new ArrayList<>(List.of(content)));
    entry.setModules(modules(i, false));
    return entry;
  }

  /** dc:creator (RSS only; Atom has its own author) and slash:comments. */
  private static List<Module> modules(FeedItem i, boolean rss) {
    List<Module> modules = new ArrayList<>();
    if (rss) {
      DCModule dc = new DCModuleImpl();
      dc.setCreator(XmlChars.clean(i.authorName()));
      modules.add(dc);
    }
    if (i.commentCount() != null) {
      Slash slash = new SlashImpl();
      slash.setComments(i.commentCount());
      modules.add(slash);
    }
    return modules;
  }

  private static List<SyndPerson> persons(String name) {
    Person person = new Person();
    // atom:name may not be empty.
    person.setName(XmlChars.clean(name == null || name.isBlank() ? "Anonymous" : name));
    return new ArrayList<>(List.of(person));
  }

  private static com.rometools.rome.feed.atom.Content text(String value) {
    com.rometools.rome.feed.atom.Content content = new com.rometools.rome.feed.atom.Content();
    content.setType(com.rometools.rome.feed.atom.Content.TEXT);
    content.setValue(XmlChars.clean(value));
    return content;
  }

  private static Link link(String rel, String type, String href) {
    Link link = new Link();
    link.setRel(rel);
    link.setType(type);
    link.setHref(href);
    return link;
  }

  private static Date date(Instant instant) {
    return Date.from(instant);
  }
}
