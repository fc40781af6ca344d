package blog.web.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds markup that could run or load something in HTML we serve: any tag outside the blog's own
 * vocabulary, any attribute outside it (event handlers, style, srcdoc...), and any link or source
 * that is not http(s), mailto, or a path on our own site. Microdata may only name schema.org types.
 * Text that merely looks like markup is escaped and has no raw '<', so it is not seen here.
 */
public final class ActiveContent {
  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>");
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([^\\s=\"'/>]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+))?");
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
  private static final String JSON_LD = "application/ld+json";
  private static final Pattern SCHEMA_ORG_TYPE = Pattern.compile("https://schema\\.org/[A-Za-z]+");

  private ActiveContent() {}

  /** Every problem found in {@code html}, empty when it carries no active content. */
  public static List<String> find(String html) {
    List<String> problems = new ArrayList<>();
    Matcher tag = TAG.matcher(html);
    while (tag.find()) {
      String name = tag.group(2).toLowerCase(Locale.ROOT);
      if (!TAGS.contains(name)) {
        problems.add("tag <" + name + "> in " + tag.group());
        continue;
      }
      Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
      while (attribute.find()) {
        String attr = attribute.group(1).toLowerCase(Locale.ROOT);
        String value = attribute.group(2) == null ? "" : unquote(attribute.group(2));
        if (!ATTRIBUTES.contains(attr)) {
          problems.add("attribute " + attr + " in " + tag.group());
        } else if ((attr.equals("href") || attr.equals("src") || attr.equals("action"))
            && !safeUrl(value)) {
          problems.add("URL " + value + " in " + tag.group());
        } else if (attr.equals("itemtype") && !SCHEMA_ORG_TYPE.matcher(value).matches()) {
          problems.add("item type " + value + " in " + tag.group());
        } else if (name.equals("script")
            && !(attr.equals("src")
                || attr.equals("defer")
                || (attr.equals("type") && value.equals(JSON_LD)))) {
          problems.add("script attribute in " + tag.group());
        }
      }
      // A JSON-LD data block never runs; what it holds may not end it early (checked below).
      boolean dataBlock = tag.group(3).contains("type=\"" + JSON_LD + "\"");
      if (name.equals("script")
          && tag.group(1).isEmpty()
          && !dataBlock
          && !tag.group(3).contains("src=\"/assets/")) {
        problems.add("script that is not one of our assets: " + tag.group());
      }
      if (name.equals("script") && tag.group(1).isEmpty() && dataBlock) {
        int end = html.indexOf("</script>", tag.end());
        String data = end < 0 ? html.substring(tag.end()) : html.substring(tag.end(), end);
        if (end < 0 || data.contains("<")) {
          problems.add("JSON-LD that could end its element early: " + data);
        }
      }
    }
    return problems;
  }

  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
  private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);?");

  /**
   * Whether a link or source can only lead to a web page, a mail, or somewhere on our site: read as
   * a browser does (character references decoded, tabs and line breaks dropped), it has no scheme
   * (a relative or protocol-relative address) or http, https or mailto.
   */
  private static boolean safeUrl(String value) {
    Matcher entity = NUMERIC_ENTITY.matcher(value);
    StringBuilder decoded = new StringBuilder();
    while (entity.find()) {
      int code;
      try {
        code = Integer.parseInt(entity.group(2), entity.group(1).isEmpty() ? 10 : 16);
      } catch (NumberFormatException e) {
        code = 0xFFFD;
      }
      String c = Character.isValidCodePoint(code) ? Character.toString(code) : "\uFFFD";
      entity.appendReplacement(decoded, Matcher.quoteReplacement(c));
    }
    entity.appendTail(decoded);
    String v =
        decoded
            .toString()
            .replace("&colon;", ":")
            .replace("&Tab;", "")
            .replace("&NewLine;", "")
            .replace("&amp;", "&")
            .replaceAll("[\\t\\n\\r]", "")
            .replaceAll("^[\\x00-\\x20]+", "")
            .toLowerCase(Locale.ROOT);
    Matcher scheme = SCHEME.matcher(v);
    return !scheme.find() || Set.of("http", "https", "mailto").contains(scheme.group(1));
  }

  private static String unquote(String value) {
    return (value.startsWith("\"") || value.startsWith("'"))
        ? value.substring(1, value.length() - 1)
        : value;
  }
}
