package blog.core.webmention;

import blog.core.federation.Html;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A small microformats2 reader on jsoup, enough for a Webmention's source: the {@code h-entry} that
 * speaks of the target (or the page's first), whether it replies to, likes or reposts it, its
 * author's {@code h-card} (name, url, photo), content, name and publication date. Properties are
 * read as the mf2 parsing rules say for the cases used here: a property belongs to the nearest
 * enclosing item, a nested item's own properties are not its parent's, {@code u-*} values come from
 * {@code href}/{@code src}/{@code data} made absolute, {@code dt-*} from {@code datetime}, and an
 * {@code h-card} without {@code p-name} takes its name, url and photo implied from its markup. No
 * script of the page runs and nothing of its markup is kept but text and addresses.
 */
final class Microformats {
  private static final Pattern ROOT = Pattern.compile("h-[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern PROPERTY = Pattern.compile("(p|u|dt|e)-[a-z0-9]+(-[a-z0-9]+)*");

  private Microformats() {}

  /** An author as an h-card (or a plain name or address) gives them; any part may be null. */
  record Card(String name, String url, String photo) {}

  /** The entry as the blog uses it; any part but {@code kind} may be null. */
  record Entry(
      MentionKind kind,
      Card author,
      String contentText,
      String name,
      String summary,
      String published) {}

  /**
   * The entry about {@code target}: an h-entry that replies to, likes or reposts it, else the
   * page's first h-entry; an entry of kind {@link MentionKind#MENTION} with nothing else when the
   * page has none.
   */
  static Entry entry(Document doc, String target) {
    List<Element> entries = doc.select(".h-entry");
    Element chosen = null;
    MentionKind kind = MentionKind.MENTION;
    for (Element candidate : entries) {
      MentionKind k = kindOf(properties(candidate), target);
      if (k != MentionKind.MENTION) {
        chosen = candidate;
        kind = k;
        break;
      }
    }
    if (chosen == null && !entries.isEmpty()) {
      chosen = entries.get(0);
    }
    if (chosen == null) {
      return new Entry(MentionKind.MENTION, null, null, null, null, null);
    }
    Map<String, List<Element>> props = properties(chosen);
    String content = first(props, "e-content").map(e -> Html.toText(e.html())).orElse(null);
    return new Entry(
        kind,
        author(props),
        content,
        first(props, "p-name").map(Microformats::text).orElse(null),
        first(props, "p-summary").map(Microformats::text).orElse(null),
        first(props, "dt-published").map(Microformats::dateTime).orElse(null));
  }

  /** Whether any address in the page (a link, an image, a property) is {@code target}. */
  static boolean linksTo(Document doc, String target) {
    for (Element el : doc.select("[href], [src]")) {
      for (String attribute : List.of("href", "src")) {
        if (el.hasAttr(attribute) && same(el.absUrl(attribute), target)) {
          return true;
        }
      }
    }
    return false;
  }

  private static MentionKind kindOf(Map<String, List<Element>> props, String target) {
    if (refersTo(props, "u-like-of", target)) {
      return MentionKind.LIKE;
    }
    if (refersTo(props, "u-repost-of", target)) {
      return MentionKind.REPOST;
    }
    if (refersTo(props, "u-in-reply-to", target)) {
      return MentionKind.REPLY;
    }
    return MentionKind.MENTION;
  }

  private static boolean refersTo(Map<String, List<Element>> props, String name, String target) {
    return props.getOrDefault(name, List.of()).stream().anyMatch(e -> same(url(e), target));
  }

  /** The entry's author: an h-card, or an address, or a name. */
  private static Card author(Map<String, List<Element>> props) {
    List<Element> authors = new ArrayList<>();
    authors.addAll(props.getOrDefault("p-author", List.of()));
    authors.addAll(props.getOrDefault("u-author", List.of()));
    for (Element el : authors) {
      if (isRoot(el) && el.classNames().contains("h-card")) {
        return card(el);
      }
    }
    for (Element el : authors) {
      if (el.classNames().contains("u-author")) {
        return new Card(null, url(el), null);
      }
      String name = text(el);
      if (!name.isEmpty()) {
        return new Card(name, null, null);
      }
    }
    return null;
  }

  private static Card card(Element root) {
    Map<String, List<Element>> props = properties(root);
    String name =
        first(props, "p-name")
            .map(Microformats::text)
            .orElseGet(() -> root.nameIs("img") ? root.attr("alt") : root.text().strip());
    String url = first(props, "u-url").map(Microformats::url).orElseGet(() -> impliedUrl(root));
    String photo =
        first(props, "u-photo").map(Microformats::url).orElseGet(() -> impliedPhoto(root));
    return new Card(name.isEmpty() ? null : name, url, photo);
  }

  private static String impliedUrl(Element root) {
    if (root.nameIs("a") && root.hasAttr("href")) {
      return root.absUrl("href");
    }
    List<Element> links = root.select("> a[href]");
    return links.size() == 1 && !isRoot(links.get(0)) ? links.get(0).absUrl("href") : null;
  }

  private static String impliedPhoto(Element root) {
    if (root.nameIs("img") && root.hasAttr("src")) {
      return root.absUrl("src");
    }
    List<Element> images = root.select("> img[src], > a > img[src]");
    return images.size() == 1 && !isRoot(images.get(0)) ? images.get(0).absUrl("src") : null;
  }

  /** The properties of the item {@code root}, by their class (with its prefix), in order. */
  private static Map<String, List<Element>> properties(Element root) {
    Map<String, List<Element>> out = new LinkedHashMap<>();
    collect(root, out);
    return out;
  }

  private static void collect(Element parent, Map<String, List<Element>> out) {
    for (Element child : parent.children()) {
      for (String cls : child.classNames()) {
        if (PROPERTY.matcher(cls).matches()) {
          out.computeIfAbsent(cls, k -> new ArrayList<>()).add(child);
        }
      }
      // A nested item's properties are its own.
      if (!isRoot(child)) {
        collect(child, out);
      }
    }
  }

  private static boolean isRoot(Element el) {
    return el.classNames().stream().anyMatch(c -> ROOT.matcher(c).matches());
  }

  private static Optional<Element> first(Map<String, List<Element>> props, String name) {
    List<Element> found = props.getOrDefault(name, List.of());
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** A {@code u-*} value: the address the element carries, made absolute, else its text. */
  private static String url(Element el) {
    if (isRoot(el)) {
      Optional<Element> own = first(properties(el), "u-url");
      if (own.isPresent()) {
        return url(own.get());
      }
    }
    String attribute =
        el.nameIs("a") || el.nameIs("area") || el.nameIs("link")
            ? "href"
            : el.nameIs("img")
                    || el.nameIs("audio")
                    || el.nameIs("video")
                    || el.nameIs("source")
                    || el.nameIs("iframe")
                ? "src"
                : el.nameIs("object") ? "data" : null;
    if (attribute != null && el.hasAttr(attribute)) {
      return el.absUrl(attribute);
    }
    String text = el.hasAttr("value") ? el.attr("value") : el.text().strip();
    return text.isEmpty() ? null : text;
  }

  /** A {@code p-*} value. */
  private static String text(Element el) {
    if (el.nameIs("abbr") && el.hasAttr("title")) {
      return el.attr("title").strip();
    }
    if ((el.nameIs("data") || el.nameIs("input")) && el.hasAttr("value")) {
      return el.attr("value").strip();
    }
    if ((el.nameIs("img") || el.nameIs("area")) && el.hasAttr("alt")) {
      return el.attr("alt").strip();
    }
    return el.text().strip();
  }

  /** A {@code dt-*} value. */
  private static String dateTime(Element el) {
    for (String attribute : List.of("datetime", "title", "value")) {
      if (el.hasAttr(attribute) && !el.attr(attribute).isBlank()) {
        return el.attr(attribute).strip();
      }
    }
    return el.text().strip();
  }

  /** Two addresses are the same one, whatever their fragments or a trailing slash. */
  static boolean same(String a, String b) {
    if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
      return false;
    }
    return normal(a).equals(normal(b));
  }

  private static String normal(String address) {
    String s = address.strip();
    int hash = s.indexOf('#');
    if (hash >= 0) {
      s = s.substring(0, hash);
    }
    try {
      URI uri = new URI(s);
      String scheme =
          uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
      int port = uri.getPort();
      if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
        port = -1;
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      if (path.length() > 1 && path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      return scheme + "://" + host + (port < 0 ? "" : ":" + port) + path + query;
    } catch (java.net.URISyntaxException e) {
      return s;
    }
  }
}
