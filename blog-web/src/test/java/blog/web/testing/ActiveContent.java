package blog.web.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds markup that could run or load something in HTML we serve, reading it as a browser does
 * (jsoup's HTML5 parser: text inside textarea or title stays text, character references in
 * attribute values are decoded): any element outside the blog's own vocabulary, any attribute
 * outside it (event handlers, style, srcdoc...), any link or source whose scheme is not http(s) or
 * mailto, and any script that is neither one of our assets nor a JSON-LD block that parses whole.
 * Microdata may only name schema.org types. Text that merely looks like markup is escaped, so it is
 * text here too.
 */
public final class ActiveContent {
  private static final Set<String> TAGS =
      Set.of(
          "html",
          "head",
          "meta",
          "title",
          "link",
          "body",
          "header",
          "footer",
          "main",
          "aside",
          "nav",
          "section",
          "article",
          "div",
          "span",
          "p",
          "br",
          "a",
          "h1",
          "h2",
          "h3",
          "h4",
          "ul",
          "ol",
          "li",
          "em",
          "strong",
          "b",
          "i",
          "code",
          "pre",
          "blockquote",
          "del",
          "small",
          "time",
          "img",
          "form",
          "label",
          "input",
          "textarea",
          "button",
          "table",
          "thead",
          "tbody",
          "tr",
          "th",
          "td",
          "hr",
          "script");
  private static final Set<String> ATTRIBUTES =
      Set.of(
          "class",
          "id",
          "href",
          "rel",
          "src",
          "alt",
          "width",
          "height",
          "datetime",
          "lang",
          "charset",
          "name",
          "content",
          "type",
          "value",
          "for",
          "action",
          "method",
          "rows",
          "cols",
          "size",
          "maxlength",
          "required",
          "autocomplete",
          "tabindex",
          "checked",
          "hidden",
          "role",
          "aria-label",
          "aria-hidden",
          "aria-describedby",
          "aria-invalid",
          "data-comment-id",
          "data-author",
          "data-max-length",
          "defer",
          // schema.org microdata on the post page; itemtype is held to schema.org below.
          "itemscope",
          "itemtype",
          "itemprop",
          "itemref",
          // OpenGraph <meta property> and feed autodiscovery <link title>: data, never active.
          "property",
          "title");
  private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action");
  private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");
  private static final String JSON_LD = "application/ld+json";
  private static final Pattern SCHEMA_ORG_TYPE = Pattern.compile("https://schema\\.org/[A-Za-z]+");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ActiveContent() {}

  /** Every problem found in {@code html}, empty when it carries no active content. */
  public static List<String> find(String html) {
    List<String> problems = new ArrayList<>();
    Document document = Jsoup.parse(html);
    for (Element element : document.getAllElements()) {
      if (element == document) {
        continue;
      }
      String name = element.normalName();
      if (!TAGS.contains(name)) {
        problems.add("element <" + name + "> in " + startTag(element));
        continue;
      }
      for (Attribute attribute : element.attributes()) {
        String attr = attribute.getKey().toLowerCase(Locale.ROOT);
        String value = attribute.getValue();
        if (!ATTRIBUTES.contains(attr)) {
          problems.add("attribute " + attr + " in " + startTag(element));
        } else if (URL_ATTRIBUTES.contains(attr) && !safeUrl(value)) {
          problems.add(scheme(value) + ": URL " + value + " in " + startTag(element));
        } else if (attr.equals("itemtype") && !SCHEMA_ORG_TYPE.matcher(value).matches()) {
          problems.add("item type " + value + " in " + startTag(element));
        }
      }
      if (name.equals("script")) {
        script(element).ifPresent(problems::add);
      }
    }
    return problems;
  }

  /**
   * What is wrong with a script element, if anything: ours are either a same-origin asset (src
   * under /assets/, defer) or a JSON-LD data block, which never runs, whose text parses as JSON
   * whole (so nothing in it ended the element early) and holds no '<' (no "&lt;!--" or
   * "&lt;/script" to play with the tokenizer).
   */
  private static Optional<String> script(Element script) {
    String type = script.attr("type");
    boolean dataBlock = type.equals(JSON_LD);
    for (Attribute attribute : script.attributes()) {
      String attr = attribute.getKey();
      if (!(attr.equals("src") || attr.equals("defer") || (attr.equals("type") && dataBlock))) {
        return Optional.of("script attribute " + attr + " in " + startTag(script));
      }
    }
    if (dataBlock) {
      String data = script.data();
      if (data.contains("<") || !parsesAsJson(data)) {
        return Optional.of("JSON-LD that could end its element early: " + data);
      }
      return Optional.empty();
    }
    if (!script.attr("src").startsWith("/assets/") || !script.data().isEmpty()) {
      return Optional.of("script that is not one of our assets: " + startTag(script));
    }
    return Optional.empty();
  }

  private static boolean parsesAsJson(String data) {
    try {
      JSON.readTree(data);
      return true;
    } catch (JacksonException e) {
      return false;
    }
  }

  /** A relative or protocol-relative address, or one whose scheme is http, https or mailto. */
  static boolean safeUrl(String value) {
    String scheme = scheme(value);
    return scheme == null || SAFE_SCHEMES.contains(scheme);
  }

  /**
   * The scheme a browser reads in a URL attribute's (already entity-decoded) value, lower-cased, or
   * null for a relative or protocol-relative address. As the URL standard has it: leading and
   * trailing C0 controls and spaces are stripped and tabs and line breaks anywhere removed first;
   * then a scheme is an ASCII letter followed by letters, digits, '+', '-' or '.', up to a ':'.
   */
  static String scheme(String value) {
    String v =
        value.replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "").replaceAll("[\\t\\n\\r]", "");
    if (v.isEmpty() || !isAsciiLetter(v.charAt(0))) {
      return null;
    }
    for (int i = 1; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == ':') {
        return v.substring(0, i).toLowerCase(Locale.ROOT);
      }
      if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
        return null;
      }
    }
    return null;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String startTag(Element element) {
    StringBuilder tag = new StringBuilder("<").append(element.normalName());
    for (Attribute attribute : element.attributes()) {
      tag.append(' ').append(attribute.getKey());
      if (!attribute.getValue().isEmpty()) {
        tag.append("=\"").append(attribute.getValue()).append('"');
      }
    }
    return tag.append('>').toString();
  }
}
