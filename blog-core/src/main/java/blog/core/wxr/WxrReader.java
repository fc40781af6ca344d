package blog.core.wxr;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress export (WXR 1.0 to 1.2) with StAX, one item at a time, so a file of any size
 * needs the memory of one post. Hostile input is refused with a message naming the problem: any
 * document type declaration (which is where entity expansion, "billion laughs", and external
 * entities, XXE, live; WordPress never writes one), elements longer or deeper than {@link
 * WxrLimits}, and anything that is not well-formed XML. The JDK's own entity limits are set low as
 * a second line.
 */
final class WxrReader {
  private static final Pattern WP_NS =
      Pattern.compile("https?://wordpress\\.org/export/1\\.[0-9]+/");
  private static final Pattern EXCERPT_NS =
      Pattern.compile("https?://wordpress\\.org/export/1\\.[0-9]+/excerpt/");
  private static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
  private static final String DC_NS = "http://purl.org/dc/elements/1.1/";
  private static final Set<String> VERSIONS = Set.of("1.0", "1.1", "1.2");

  private final WxrLimits limits;
  private XMLStreamReader xml;
  private int depth;
  private int items;
  private String version;
  private String title = "";
  private String link = "";
  private String baseSiteUrl = "";
  private String baseBlogUrl = "";
  private boolean started;

  WxrReader(WxrLimits limits) {
    this.limits = limits;
  }

  /** Reads the whole export, handing each part to {@code handler} in file order. */
  void read(InputStream in, WxrModel.Handler handler) {
    PushbackInputStream input = new PushbackInputStream(in, 1);
    try {
      int first = input.read();
      if (first < 0) {
        throw new WxrException("The file is empty: it holds no WordPress export.");
      }
      input.unread(first);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      xml = factory().createXMLStreamReader(input);
    } catch (XMLStreamException e) {
      throw new WxrException("The file cannot be read as XML: " + parserMessage(e), e);
    }
    try {
      document(handler);
    } finally {
      try {
        xml.close();
      } catch (XMLStreamException e) {
        // Nothing was kept open for us: the stream belongs to the caller.
      }
    }
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("refused to load the external entity " + systemId);
        });
    f.setProperty("jdk.xml.entityExpansionLimit", "100");
    f.setProperty("jdk.xml.maxGeneralEntitySizeLimit", "1024");
    f.setProperty("jdk.xml.totalEntitySizeLimit", "10000");
    f.setProperty("jdk.xml.maxElementDepth", "64");
    f.setProperty("jdk.xml.elementAttributeLimit", "100");
    return f;
  }

  private void document(WxrModel.Handler handler) {
    int event = next();
    while (event != XMLStreamConstants.START_ELEMENT) {
      if (event == XMLStreamConstants.END_DOCUMENT) {
        throw new WxrException("The file is empty: it holds no WordPress export.");
      }
      event = next();
    }
    if (!"rss".equals(xml.getLocalName())) {
      throw new WxrException(
          "This is not a WordPress export: it starts with <"
              + xml.getLocalName()
              + "> where an export has <rss>.");
    }
    boolean channel = false;
    while (nextChild()) {
      if (name().equals("channel")) {
        channel(handler);
        channel = true;
      } else {
        skip();
      }
    }
    if (!channel) {
      throw new WxrException("This is not a WordPress export: it has no <channel>.");
    }
    while (next() != XMLStreamConstants.END_DOCUMENT) {
      // Comments or whitespace after the root; anything else is an XML error found by next().
    }
  }

  private void channel(WxrModel.Handler handler) {
    while (nextChild()) {
      switch (name()) {
        case "wp:wxr_version" -> {
          version = text("<wp:wxr_version>").strip();
          if (!VERSIONS.contains(version)) {
            throw new WxrException(
                "This export is WXR version "
                    + version
                    + "; versions 1.0, 1.1 and 1.2 can be imported.");
          }
        }
        case "title" -> title = text("the channel's <title>");
        case "link" -> link = text("the channel's <link>").strip();
        case "wp:base_site_url" -> baseSiteUrl = text("<wp:base_site_url>").strip();
        case "wp:base_blog_url" -> baseBlogUrl = text("<wp:base_blog_url>").strip();
        case "wp:author" -> {
          start(handler);
          handler.author(author());
        }
        case "wp:category" -> {
          start(handler);
          handler.term(category());
        }
        case "wp:tag" -> {
          start(handler);
          handler.term(tag());
        }
        case "wp:term" -> {
          start(handler);
          handler.term(term());
        }
        case "item" -> {
          start(handler);
          items++;
          WxrModel.Item item = item(handler);
          if (item != null) {
            handler.item(item);
          }
        }
        default -> skip();
      }
    }
    start(handler);
  }

  private void start(WxrModel.Handler handler) {
    if (started) {
      return;
    }
    if (version == null) {
      throw new WxrException(
          "This is not a WordPress export: there is no <wp:wxr_version> before its content"
              + " (WordPress writes one into every export since version 3.0, WXR 1.0).");
    }
    started = true;
    handler.channel(new WxrModel.Channel(version, title, link, baseSiteUrl, baseBlogUrl));
  }

  private WxrModel.Author author() {
    long id = 0;
    String login = "";
    String email = "";
    String display = "";
    String first = "";
    String last = "";
    while (nextChild()) {
      switch (name()) {
        case "wp:author_id" -> id = number(text("<wp:author_id>"), "<wp:author_id>");
        case "wp:author_login" -> login = text("<wp:author_login>");
        case "wp:author_email" -> email = text("<wp:author_email>");
        case "wp:author_display_name" -> display = text("<wp:author_display_name>");
        case "wp:author_first_name" -> first = text("<wp:author_first_name>");
        case "wp:author_last_name" -> last = text("<wp:author_last_name>");
        default -> skip();
      }
    }
    return new WxrModel.Author(id, login, email, display, first, last);
  }

  private WxrModel.Term category() {
    String slug = "";
    String name = "";
    String description = "";
    String parent = "";
    while (nextChild()) {
      switch (name()) {
        case "wp:category_nicename" -> slug = text("<wp:category_nicename>");
        case "wp:cat_name" -> name = text("<wp:cat_name>");
        case "wp:category_description" -> description = text("<wp:category_description>");
        case "wp:category_parent" -> parent = text("<wp:category_parent>");
        default -> skip();
      }
    }
    return new WxrModel.Term("category", slug, name, description, parent);
  }

  private WxrModel.Term tag() {
    String slug = "";
    String name = "";
    String description = "";
    while (nextChild()) {
      switch (name()) {
        case "wp:tag_slug" -> slug = text("<wp:tag_slug>");
        case "wp:tag_name" -> name = text("<wp:tag_name>");
        case "wp:tag_description" -> description = text("<wp:tag_description>");
        default -> skip();
      }
    }
    return new WxrModel.Term("post_tag", slug, name, description, "");
  }

  private WxrModel.Term term() {
    String taxonomy = "";
    String slug = "";
    String name = "";
    String description = "";
    String parent = "";
    while (nextChild()) {
      switch (name()) {
        case "wp:term_taxonomy" -> taxonomy = text("<wp:term_taxonomy>").strip();
        case "wp:term_slug" -> slug = text("<wp:term_slug>");
        case "wp:term_name" -> name = text("<wp:term_name>");
        case "wp:term_description" -> description = text("<wp:term_description>");
        case "wp:term_parent" -> parent = text("<wp:term_parent>");
        default -> skip();
      }
    }
    return new WxrModel.Term(taxonomy, slug, name, description, parent);
  }

  /**
   * The next item, or null (after telling the handler why) when it cannot be imported: no or no
   * numeric {@code <wp:post_id>}, as in an item from another program or another namespace. The item
   * is read to its end either way, and the rest of the file goes on being imported, as WordPress
   * does.
   */
  private WxrModel.Item item(WxrModel.Handler handler) {
    String where = " of item " + items;
    String problem = null;
    String foreignId = null;
    int commentsLeftOut = 0;
    long id = -1;
    String itemTitle = "";
    String itemLink = "";
    String creator = "";
    String content = "";
    String excerpt = "";
    String date = "";
    String dateGmt = "";
    String commentStatus = "";
    String postName = "";
    String status = "";
    long parent = 0;
    String type = "";
    String password = "";
    List<WxrModel.ItemTerm> terms = new ArrayList<>();
    List<WxrModel.Meta> meta = new ArrayList<>();
    List<WxrModel.Comment> comments = new ArrayList<>();
    while (nextChild()) {
      String name = name();
      switch (name) {
        case "title" -> itemTitle = text("<title>" + where);
        case "link" -> itemLink = text("<link>" + where).strip();
        case "dc:creator" -> creator = text("<dc:creator>" + where).strip();
        case "content:encoded" -> content = text("<content:encoded>" + where);
        case "excerpt:encoded" -> excerpt = text("<excerpt:encoded>" + where);
        case "wp:post_id" -> {
          String digits = text("<wp:post_id>" + where).strip();
          id = lenientNumber(digits);
          if (id < 0) {
            problem = "its <wp:post_id> is not a number: \"" + abbreviate(digits) + "\"" + at();
          }
        }
        case "wp:post_date" -> date = text("<wp:post_date>" + where).strip();
        case "wp:post_date_gmt" -> dateGmt = text("<wp:post_date_gmt>" + where).strip();
        case "wp:comment_status" -> commentStatus = text("<wp:comment_status>" + where).strip();
        case "wp:post_name" -> postName = text("<wp:post_name>" + where).strip();
        case "wp:status" -> status = text("<wp:status>" + where).strip();
        case "wp:post_parent" -> parent = lenientNumber(text("<wp:post_parent>" + where).strip());
        case "wp:post_type" -> type = text("<wp:post_type>" + where).strip();
        case "wp:post_password" -> password = text("<wp:post_password>" + where);
        case "category" -> {
          String domain = attribute("domain");
          String nicename = attribute("nicename");
          terms.add(new WxrModel.ItemTerm(domain, nicename, text("<category>" + where)));
        }
        case "wp:postmeta" -> meta.add(meta("<wp:postmeta>" + where));
        case "wp:comment" -> {
          Optional<WxrModel.Comment> comment = comment(where);
          comment.ifPresent(comments::add);
          commentsLeftOut += comment.isEmpty() ? 1 : 0;
        }
        default -> {
          if (name.endsWith("}post_id")) {
            foreignId = xml.getNamespaceURI();
          }
          skip();
        }
      }
    }
    if (id < 0) {
      if (problem == null) {
        problem =
            foreignId == null
                ? "it has no <wp:post_id>"
                : "its post_id is in the namespace " + foreignId + ", not WordPress's";
      }
      handler.leftOut(new WxrModel.LeftOut(itemTitle, "not imported: " + problem, true));
      return null;
    }
    if (commentsLeftOut > 0) {
      handler.leftOut(
          new WxrModel.LeftOut(
              itemTitle,
              (commentsLeftOut == 1 ? "a comment" : commentsLeftOut + " comments")
                  + " without a <wp:comment_id> not imported",
              false));
    }
    return new WxrModel.Item(
        id,
        itemTitle,
        itemLink,
        creator,
        content,
        excerpt,
        date,
        dateGmt,
        commentStatus,
        postName,
        status,
        Math.max(0, parent),
        type,
        password,
        terms,
        meta,
        comments);
  }

  /**
   * The comment, or empty if it has no (numeric) {@code <wp:comment_id>}: without one it cannot be
   * told apart from the others or answered, and is left out as an item without a post id is.
   */
  private Optional<WxrModel.Comment> comment(String item) {
    String where = " of a comment" + item;
    long id = -1;
    String author = "";
    String email = "";
    String url = "";
    String ip = "";
    String date = "";
    String dateGmt = "";
    String content = "";
    String approved = "";
    String type = "";
    long parent = 0;
    long user = 0;
    List<WxrModel.Meta> meta = new ArrayList<>();
    while (nextChild()) {
      String name = name();
      switch (name) {
        case "wp:comment_id" -> id = lenientNumber(text("<wp:comment_id>" + where).strip());
        case "wp:comment_author" -> author = text("<wp:comment_author>" + where);
        case "wp:comment_author_email" -> email = text("<wp:comment_author_email>" + where);
        case "wp:comment_author_url" -> url = text("<wp:comment_author_url>" + where);
        case "wp:comment_author_IP" -> ip = text("<wp:comment_author_IP>" + where);
        case "wp:comment_date" -> date = text("<wp:comment_date>" + where).strip();
        case "wp:comment_date_gmt" -> dateGmt = text("<wp:comment_date_gmt>" + where).strip();
        case "wp:comment_content" -> content = text("<wp:comment_content>" + where);
        case "wp:comment_approved" -> approved = text("<wp:comment_approved>" + where).strip();
        case "wp:comment_type" -> type = text("<wp:comment_type>" + where).strip();
        case "wp:comment_parent" ->
            parent = lenientNumber(text("<wp:comment_parent>" + where).strip());
        case "wp:comment_user_id" ->
            user = lenientNumber(text("<wp:comment_user_id>" + where).strip());
        case "wp:commentmeta" -> meta.add(meta("<wp:commentmeta>" + where));
        default -> skip();
      }
    }
    if (id < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new WxrModel.Comment(
            id,
            author,
            email,
            url,
            ip,
            date,
            dateGmt,
            content,
            approved,
            type,
            Math.max(0, parent),
            Math.max(0, user),
            meta));
  }

  private WxrModel.Meta meta(String where) {
    String key = "";
    String value = "";
    while (nextChild()) {
      switch (name()) {
        case "wp:meta_key" -> key = text("<wp:meta_key> in " + where).strip();
        case "wp:meta_value" -> value = text("<wp:meta_value> in " + where);
        default -> skip();
      }
    }
    return new WxrModel.Meta(key, value);
  }

  // --- the StAX cursor -------------------------------------------------------------------------

  /** The next event; refuses document types and over-deep nesting, explains XML errors. */
  private int next() {
    int event;
    try {
      event = xml.next();
    } catch (XMLStreamException e) {
      throw new WxrException("The file is not well-formed XML: " + parserMessage(e), e);
    } catch (RuntimeException e) {
      throw new WxrException("The file cannot be read as XML: " + e.getMessage() + at(), e);
    }
    if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_DECLARATION) {
      throw new WxrException(
          "The file declares a document type (<!DOCTYPE …>)"
              + at()
              + ". WordPress exports never do, and a document type is where entity expansion"
              + " (\"billion laughs\") and external entities (XXE, reading other files) hide, so"
              + " the file is refused.");
    }
    if (event == XMLStreamConstants.ENTITY_REFERENCE) {
      throw new WxrException("The file uses an entity (&" + xml.getLocalName() + ";)" + at() + ".");
    }
    if (event == XMLStreamConstants.START_ELEMENT && ++depth > limits.maxDepth()) {
      throw new WxrException(
          "Elements nest more than " + limits.maxDepth() + " levels deep" + at() + ".");
    }
    if (event == XMLStreamConstants.END_ELEMENT) {
      depth--;
    }
    return event;
  }

  /** Moves to the next child element of the current one: false at the current one's end. */
  private boolean nextChild() {
    while (true) {
      int event = next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (event == XMLStreamConstants.END_ELEMENT || event == XMLStreamConstants.END_DOCUMENT) {
        return false;
      }
    }
  }

  /** The current element's text (nested elements left out), refused past the size limit. */
  private String text(String what) {
    StringBuilder text = new StringBuilder();
    while (true) {
      int event = next();
      switch (event) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
          if (text.length() > limits.maxTextChars()) {
            throw new WxrException(
                what.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                    + what.substring(1)
                    + " is longer than "
                    + limits.maxTextChars()
                    + " characters"
                    + at()
                    + ", more than this blog keeps in one post or comment.");
          }
        }
        case XMLStreamConstants.START_ELEMENT -> skip();
        case XMLStreamConstants.END_ELEMENT, XMLStreamConstants.END_DOCUMENT -> {
          return text.toString();
        }
        default -> {
          // comments and processing instructions inside text are not text
        }
      }
    }
  }

  /** Skips the current element with everything in it. */
  private void skip() {
    int level = 1;
    while (level > 0) {
      int event = next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        level++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        level--;
      } else if (event == XMLStreamConstants.END_DOCUMENT) {
        return;
      }
    }
  }

  /** The current element's name with the export's usual prefix for its namespace. */
  private String name() {
    String ns = xml.getNamespaceURI();
    String local = xml.getLocalName();
    if (ns == null || ns.isEmpty()) {
      return local;
    }
    if (WP_NS.matcher(ns).matches()) {
      return "wp:" + local;
    }
    if (EXCERPT_NS.matcher(ns).matches()) {
      return "excerpt:" + local;
    }
    if (ns.equals(CONTENT_NS)) {
      return "content:" + local;
    }
    if (ns.equals(DC_NS)) {
      return "dc:" + local;
    }
    return "{" + ns + "}" + local;
  }

  private String attribute(String name) {
    String value = xml.getAttributeValue(null, name);
    return value == null ? "" : value.strip();
  }

  private long number(String text, String what) {
    String digits = text.strip();
    if (digits.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new WxrException(
          what + " is not a number: \"" + abbreviate(digits) + "\"" + at() + ".");
    }
  }

  /**
   * An item's or comment's id or reference, 0 if empty, -1 if no number: such a value spoils one
   * item or comment, not the file.
   */
  private static long lenientNumber(String digits) {
    if (digits.isEmpty()) {
      return 0;
    }
    try {
      long n = Long.parseLong(digits);
      return n < 0 ? -1 : n;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private String at() {
    Location location = xml.getLocation();
    return location == null || location.getLineNumber() < 0
        ? ""
        : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
  }

  /** The parser's own words without its "ParseError at [row,col]" preamble, plus where. */
  private static String parserMessage(XMLStreamException e) {
    String message = String.valueOf(e.getMessage());
    int at = message.indexOf("Message: ");
    String words = at >= 0 ? message.substring(at + "Message: ".length()) : message;
    Location location = e.getLocation();
    String where =
        location == null || location.getLineNumber() < 0
            ? ""
            : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
    return words.strip() + where + ".";
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
