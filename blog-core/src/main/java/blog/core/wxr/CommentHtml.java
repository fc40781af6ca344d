package blog.core.wxr;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.owasp.html.HtmlSanitizer;

/**
 * A WordPress comment (HTML, with line breaks meaning breaks) as what a commenter types here: plain
 * text with the small Markdown subset the comment renderer knows (emphasis, links, code, quotes,
 * lists). Other markup is dropped, its text kept; scripts and styles go with their text.
 */
final class CommentHtml {
  private static final Set<String> DROPPED =
      Set.of("script", "style", "iframe", "object", "embed", "noscript", "template", "textarea");
  private static final Pattern URL = Pattern.compile("(?i)(https?://|mailto:)[^\\s<>]+");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

  private CommentHtml() {}

  static String toSource(String html) {
    Converter converter = new Converter();
    HtmlSanitizer.sanitize(html.replace("\r\n", "\n"), converter);
    return converter.result();
  }

  private static final class Converter implements HtmlSanitizer.Policy {
    private final Deque<StringBuilder> blocks = new ArrayDeque<>();
    private final Deque<String> hrefs = new ArrayDeque<>();
    private final Deque<Integer> linkStarts = new ArrayDeque<>();
    private int dropped;
    // An <li> was opened and nothing of it written yet.
    private boolean itemStarting;
    // The last thing read was a <br>.
    private boolean afterBreak;
    // How many <pre> are open.
    private int pre;

    Converter() {
      blocks.push(new StringBuilder());
    }

    private StringBuilder out() {
      return blocks.peek();
    }

    @Override
    public void openDocument() {}

    @Override
    public void closeDocument() {}

    @Override
    public void openTag(String name, List<String> attributes) {
      String tag = name.toLowerCase(Locale.ROOT);
      if (DROPPED.contains(tag)) {
        dropped++;
        return;
      }
      if (dropped > 0) {
        return;
      }
      boolean startOfItem = itemStarting;
      itemStarting = false;
      afterBreak = false;
      switch (tag) {
        case "strong", "b" -> out().append("**");
        case "em", "i", "cite" -> out().append('*');
        case "code" -> {
          if (pre == 0) {
            out().append('`'); // in a fenced block <code> is the block itself
          }
        }
        case "br" -> {
          out().append('\n');
          afterBreak = true;
        }
        case "p", "div" -> {
          // A list item's first paragraph (a loose list) starts on the item's own line.
          if (startOfItem) {
            itemStarting = true;
          } else {
            out().append("\n\n");
          }
        }
        case "ul", "ol", "table" -> out().append("\n\n");
        case "h1", "h2", "h3", "h4", "h5", "h6" -> out().append("\n\n**");
        case "li" -> {
          out().append("\n- ");
          itemStarting = true;
        }
        case "pre" -> {
          out().append("\n\n```\n");
          pre++;
        }
        case "blockquote" -> blocks.push(new StringBuilder());
        case "a" -> {
          hrefs.push(attribute(attributes, "href"));
          linkStarts.push(out().length());
        }
        default -> {
          // other markup is dropped, its text kept
        }
      }
    }

    @Override
    public void closeTag(String name) {
      String tag = name.toLowerCase(Locale.ROOT);
      if (DROPPED.contains(tag)) {
        dropped = Math.max(0, dropped - 1);
        return;
      }
      if (dropped > 0) {
        return;
      }
      switch (tag) {
        case "strong", "b" -> out().append("**");
        case "em", "i", "cite" -> out().append('*');
        case "code" -> {
          if (pre == 0) {
            out().append('`');
          }
        }
        case "p", "div", "ul", "ol", "table" -> out().append("\n\n");
        case "h1", "h2", "h3", "h4", "h5", "h6" -> out().append("**\n\n");
        case "pre" -> {
          out().append("\n```\n\n");
          pre = Math.max(0, pre - 1);
        }
        case "blockquote" -> {
          if (blocks.size() > 1) {
            String quoted = tidy(blocks.pop().toString());
            out().append("\n\n");
            for (String line : quoted.split("\n", -1)) {
              out().append(line.isEmpty() ? ">" : "> " + line).append('\n');
            }
            out().append('\n');
          }
        }
        case "a" -> {
          if (!hrefs.isEmpty()) {
            link(hrefs.pop(), linkStarts.pop());
          }
        }
        default -> {
          // nothing to close
        }
      }
    }

    private void link(String href, int start) {
      StringBuilder out = out();
      if (start > out.length()) {
        return;
      }
      String text = out.substring(start);
      if (!URL.matcher(href).matches() || href.equals(text.strip())) {
        return; // unsafe or bare links: the text stays (a bare URL is linked by the renderer)
      }
      out.setLength(start);
      out.append('[').append(text.isBlank() ? href : text).append("](<").append(href).append(">)");
    }

    @Override
    public void text(String text) {
      if (dropped > 0) {
        return;
      }
      if (itemStarting && text.isBlank()) {
        return; // the layout between <li> and its first paragraph
      }
      // "<br />" and a line break after it are one break, as WordPress shows them.
      String shown = afterBreak && text.startsWith("\n") ? text.substring(1) : text;
      itemStarting = false;
      afterBreak = false;
      out().append(shown);
    }

    String result() {
      while (blocks.size() > 1) {
        String inner = blocks.pop().toString();
        out().append(inner);
      }
      return tidy(out().toString());
    }

    private static String attribute(List<String> attributes, String name) {
      for (int i = 0; i + 1 < attributes.size(); i += 2) {
        if (attributes.get(i).equalsIgnoreCase(name)) {
          return attributes.get(i + 1).strip();
        }
      }
      return "";
    }

    /** Lines without their indentation (it comes from the export's layout), at most one blank. */
    private static String tidy(String text) {
      StringBuilder lines = new StringBuilder();
      for (String line : text.split("\n", -1)) {
        lines.append(line.strip()).append('\n');
      }
      return BLANK_LINES.matcher(lines.toString()).replaceAll("\n\n").strip();
    }
  }
}
