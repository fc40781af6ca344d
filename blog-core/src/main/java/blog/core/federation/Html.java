package blog.core.federation;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * HTML across the border: text made safe to send inside an HTML field, and a remote note's HTML
 * turned back into the plain text a comment is typed as (which the comment renderer then renders
 * and sanitises like any other). Nothing of the remote markup survives but its text and its links'
 * addresses.
 */
public final class Html {
  private Html() {}

  /** {@code text} as one escaped HTML paragraph ("" for none). */
  static String paragraph(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    return "<p>" + org.jsoup.nodes.Entities.escape(text.strip()) + "</p>";
  }

  /**
   * The text of a note: paragraphs apart by a blank line, line breaks kept, a link as its address
   * (so the link limit counts it) except mentions and hashtags, which keep their text.
   */
  public static String toText(String html) {
    if (html == null) {
      return "";
    }
    Document doc = Jsoup.parseBodyFragment(html);
    StringBuilder out = new StringBuilder();
    append(doc.body(), out);
    return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
  }

  private static void append(Node node, StringBuilder out) {
    if (node instanceof TextNode text) {
      out.append(text.getWholeText());
      return;
    }
    if (!(node instanceof Element element)) {
      return;
    }
    if (element.nameIs("br")) {
      out.append('\n');
      return;
    }
    if (element.nameIs("a")) {
      String classes = element.className();
      String href = element.attr("href");
      boolean tagOrMention = classes.contains("mention") || classes.contains("hashtag");
      if (!tagOrMention && (href.startsWith("https://") || href.startsWith("http://"))) {
        out.append(' ').append(href).append(' ');
        return;
      }
      out.append(element.text());
      return;
    }
    for (Node child : element.childNodes()) {
      append(child, out);
    }
    if (element.nameIs("p") || element.nameIs("li") || element.nameIs("blockquote")) {
      out.append("\n\n");
    }
  }
}
