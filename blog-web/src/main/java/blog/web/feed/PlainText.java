package blog.web.feed;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text of sanitised HTML, for a feed's plain-text summary of a comment. */
final class PlainText {
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY =
      Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);");

  private PlainText() {}

  /** {@code text} as HTML that shows exactly that text. */
  static String escaped(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  static String of(String html) {
    String text = TAG.matcher(html).replaceAll(" ");
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1), m.group())));
    }
    m.appendTail(out);
    return out.toString().replaceAll("\\s+", " ").strip();
  }

  private static String decode(String entity, String whole) {
    try {
      if (entity.startsWith("#x") || entity.startsWith("#X")) {
        return Character.toString(Integer.parseInt(entity.substring(2), 16));
      }
      if (entity.startsWith("#")) {
        return Character.toString(Integer.parseInt(entity.substring(1)));
      }
    } catch (IllegalArgumentException e) {
      return whole;
    }
    return switch (entity) {
      case "amp" -> "&";
      case "lt" -> "<";
      case "gt" -> ">";
      case "quot" -> "\"";
      case "apos" -> "'";
      case "nbsp" -> " ";
      default -> whole;
    };
  }
}
