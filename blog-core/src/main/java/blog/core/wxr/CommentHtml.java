package blog.core.wxr;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.owasp.html.HtmlSanitizer;

/**
 * A WordPress comment (HTML, with line breaks meaning breaks) as what a commenter types here: text
 * with the small Markdown subset the comment renderer knows (emphasis, strikethrough, links, code,
 * quotes, lists, tables). What WordPress shows in a comment keeps its shape: lists nest and count,
 * tables keep their rows and cells, code and preformatted text keep their lines. Other markup is
 * dropped, its text kept; scripts and styles go with their text. Text is escaped so Markdown shows
 * it as written ({@link MarkdownEscapes}).
 */
final class CommentHtml {
  private static final Set<String> DROPPED =
      Set.of("script", "style", "iframe", "object", "embed", "noscript", "template", "textarea");
  private static final Set<String> TABLE_PARTS = Set.of("table", "tr", "td", "th");
  private static final Pattern URL = Pattern.compile("(?i)(https?://|mailto:)[^\\s<>]+");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
  private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+\\n");

  private CommentHtml() {}

  static String toSource(String html) {
    Converter converter = new Converter();
    HtmlSanitizer.sanitize(html.replace("\r\n", "\n"), converter);
    return converter.result();
  }

  /** An open list: ordered or not, the number of its next item, the width of its last marker. */
  private static final class ListLevel {
    final boolean ordered;
    int next;
    int width = 2;

    ListLevel(boolean ordered, int start) {
      this.ordered = ordered;
      this.next = start;
    }
  }

  private static final class Converter implements HtmlSanitizer.Policy {
    private final Deque<StringBuilder> blocks = new ArrayDeque<>();
    private final Deque<String> hrefs = new ArrayDeque<>();
    private final Deque<Integer> linkStarts = new ArrayDeque<>();
    private final Deque<ListLevel> lists = new ArrayDeque<>();
    private final Deque<CommentTable> tables = new ArrayDeque<>();
    private int dropped;
    // Tables inside a table's cell: their text joins the cell.
    private int innerTables;
    // An <li> was opened and nothing of it written yet.
    private boolean itemStarting;
    // The last thing written was a list item's marker: the item's text starts a line for Markdown.
    private boolean atMarker;
    // The last thing read was a <br>.
    private boolean afterBreak;
    // How many <pre> are open.
    private int pre;
    // A <pre> was opened and nothing of it read yet.
    private boolean preStarting;
    // How many <code> are open outside <pre>.
    private int code;

    Converter() {
      blocks.push(new StringBuilder());
    }

    private StringBuilder out() {
      return blocks.peek();
    }

    private void write(String markup) {
      out().append(markup);
      atMarker = false;
    }

    /** Ends the line unless it has just ended: a list's items are on lines of their own. */
    private void newLine() {
      StringBuilder out = out();
      if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
        write("\n");
      }
    }

    private boolean atLineStart() {
      StringBuilder out = out();
      return atMarker || out.isEmpty() || out.charAt(out.length() - 1) == '\n';
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
      if (pre > 0 && !tag.equals("pre")) {
        if (tag.equals("br")) {
          write("\n"); // preformatted text shows its lines as they are, markup as text
        }
        return;
      }
      if (TABLE_PARTS.contains(tag)) {
        openTablePart(tag);
        return;
      }
      switch (tag) {
        case "strong", "b" -> write("**");
        case "em", "i", "cite" -> write("*");
        case "del", "s", "strike" -> write("~~");
        case "q" -> write("\"");
        case "code" -> {
          if (pre == 0 && code++ == 0) {
            blocks.push(new StringBuilder()); // written as a span or a block once it is whole
          }
        }
        case "br" -> {
          write("\n");
          afterBreak = true;
        }
        case "p", "div", "address", "dt", "dd", "hr" -> {
          // A list item's first paragraph (a loose list) starts on the item's own line.
          if (startOfItem) {
            itemStarting = true;
            atMarker = true;
          } else {
            write("\n\n");
          }
        }
        case "ul", "ol" -> {
          if (lists.isEmpty()) {
            write("\n\n");
          } else {
            newLine();
          }
          lists.push(new ListLevel(tag.equals("ol"), Math.max(1, start(attributes))));
        }
        case "h1", "h2", "h3", "h4", "h5", "h6" -> write("\n\n**");
        case "li" -> item();
        case "pre" -> {
          write("\n\n```\n");
          pre++;
          preStarting = true;
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

    /** A list item's marker on a line of its own, indented to nest under the items it is in. */
    private void item() {
      ListLevel level = lists.isEmpty() ? new ListLevel(false, 1) : lists.peek();
      int indent = lists.stream().skip(1).mapToInt(l -> l.width).sum();
      String marker = level.ordered ? level.next++ + ". " : "- ";
      level.width = marker.length();
      newLine();
      write(" ".repeat(indent) + marker);
      itemStarting = true;
      atMarker = true;
    }

    private void openTablePart(String tag) {
      CommentTable table = tables.peek();
      if (table != null && table.inCell()) {
        if (tag.equals("table")) {
          innerTables++;
        }
        write(" ");
        return;
      }
      switch (tag) {
        case "table" -> tables.push(new CommentTable());
        case "tr" -> {
          if (table != null) {
            table.row();
          }
        }
        default -> {
          if (table != null) {
            table.openCell();
            blocks.push(new StringBuilder());
          }
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
      if (pre > 0 && !tag.equals("pre")) {
        return;
      }
      if (TABLE_PARTS.contains(tag)) {
        closeTablePart(tag);
        return;
      }
      switch (tag) {
        case "strong", "b" -> write("**");
        case "em", "i", "cite" -> write("*");
        case "del", "s", "strike" -> write("~~");
        case "q" -> write("\"");
        case "code" -> {
          if (pre == 0 && code > 0 && --code == 0) {
            String text = blocks.pop().toString();
            write(
                text.contains("\n")
                    ? "\n\n```\n" + text.strip() + "\n```\n\n"
                    : MarkdownEscapes.codeSpan(text));
          }
        }
        case "p", "div", "address", "dt", "dd" -> write("\n\n");
        case "ul", "ol" -> {
          lists.poll();
          if (lists.isEmpty()) {
            write("\n\n");
          } else {
            newLine();
          }
        }
        case "h1", "h2", "h3", "h4", "h5", "h6" -> write("**\n\n");
        case "pre" -> {
          write(atLineStart() ? "```\n\n" : "\n```\n\n");
          pre = Math.max(0, pre - 1);
        }
        case "blockquote" -> {
          if (blocks.size() > 1) {
            String quoted = tidy(blocks.pop().toString());
            StringBuilder lines = new StringBuilder("\n\n");
            for (String line : quoted.split("\n", -1)) {
              lines.append(line.isEmpty() ? ">" : "> " + line).append('\n');
            }
            write(lines.append('\n').toString());
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

    private void closeTablePart(String tag) {
      CommentTable table = tables.peek();
      if (table == null) {
        return;
      }
      if (innerTables > 0) {
        innerTables -= tag.equals("table") ? 1 : 0;
        write(" ");
        return;
      }
      switch (tag) {
        case "table" -> {
          tables.pop();
          write("\n\n" + table.markdown() + "\n");
        }
        case "td", "th" -> {
          if (table.inCell() && blocks.size() > 1) {
            table.closeCell(tidy(blocks.pop().toString()), tag.equals("th"));
          }
        }
        default -> {
          // a row ends where the next begins
        }
      }
    }

    private void link(String href, int start) {
      StringBuilder out = out();
      if (start > out.length()) {
        return;
      }
      String text = out.substring(start);
      if (!URL.matcher(href).matches() || href.equals(MarkdownEscapes.unescape(text.strip()))) {
        return; // unsafe or bare links: the text stays (a bare URL is linked by the renderer)
      }
      out.setLength(start);
      write("[" + (text.isBlank() ? href : text) + "](<" + href + ">)");
    }

    @Override
    public void text(String text) {
      if (dropped > 0) {
        return;
      }
      if (itemStarting && text.isBlank()) {
        return; // the layout between <li> and its first paragraph
      }
      CommentTable table = tables.peek();
      if (table != null && !table.inCell() && innerTables == 0) {
        return; // the layout between rows and cells
      }
      if (!lists.isEmpty() && pre == 0 && text.isBlank() && atLineStart()) {
        return; // the layout between a list's items
      }
      // "<br />" and a line break after it are one break, as WordPress shows them.
      // So is a line break just after <pre>, as browsers show it.
      boolean breakToDrop = afterBreak || preStarting;
      String shown = breakToDrop && text.startsWith("\n") ? text.substring(1) : text;
      preStarting = false;
      itemStarting = false;
      afterBreak = false;
      if (pre > 0 || code > 0) {
        write(shown); // code is shown as written
      } else {
        boolean lineStart = atLineStart();
        atMarker = false;
        MarkdownEscapes.append(out(), shown, lineStart);
      }
    }

    String result() {
      while (blocks.size() > 1) {
        String inner = blocks.pop().toString();
        out().append(inner);
      }
      return tidy(out().toString());
    }

    private static int start(List<String> attributes) {
      try {
        return Integer.parseInt(attribute(attributes, "start"));
      } catch (NumberFormatException e) {
        return 1;
      }
    }

    private static String attribute(List<String> attributes, String name) {
      for (int i = 0; i + 1 < attributes.size(); i += 2) {
        if (attributes.get(i).equalsIgnoreCase(name)) {
          return attributes.get(i + 1).strip();
        }
      }
      return "";
    }

    /** Lines without trailing space, at most one blank line in a row, no blank ends. */
    private static String tidy(String text) {
      String lines = TRAILING_SPACE.matcher(text + "\n").replaceAll("\n");
      return BLANK_LINES.matcher(lines).replaceAll("\n\n").strip();
    }
  }
}
