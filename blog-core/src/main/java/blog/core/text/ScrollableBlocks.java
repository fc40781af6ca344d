package blog.core.text;

import java.util.regex.Pattern;
import org.owasp.html.ElementPolicy;

/**
 * Code blocks and tables are reachable by keyboard. A {@code <pre>} keeps its lines as written and
 * a table its columns, so a long line or a wide table scrolls sideways inside itself, and a region
 * that scrolls must take the focus for keyboard users to scroll it (WCAG 2.1.1; axe's {@code
 * scrollable-region-focusable}). So every {@code <pre>} and {@code <table>} in sanitised HTML
 * carries {@code tabindex="0"}, and no other element may carry a tabindex at all: it would change
 * the order of the page's own controls.
 */
public final class ScrollableBlocks {
  /**
   * What the sanitisers do to {@code <pre>} and {@code <table>}: give it {@code tabindex="0"},
   * whatever it had.
   */
  public static final ElementPolicy FOCUSABLE =
      (name, attributes) -> {
        for (int i = 0; i < attributes.size(); i += 2) {
          if (attributes.get(i).equals("tabindex")) {
            attributes.subList(i, i + 2).clear();
            i -= 2;
          }
        }
        attributes.add("tabindex");
        attributes.add("0");
        return name;
      };

  /**
   * A bare {@code <pre>} or {@code <table>} as the sanitisers wrote it before they added the
   * tabindex.
   */
  private static final Pattern BARE = Pattern.compile("<(pre|table)>");

  private ScrollableBlocks() {}

  /**
   * HTML stored before code blocks and tables were made focusable, with them focusable: {@code
   * html} is the sanitisers' output, where {@code <pre>} is always a tag (text has {@code &lt;}),
   * and bare, since no attribute was allowed on it.
   */
  public static String focusable(String html) {
    return html.indexOf("<pre>") < 0 && html.indexOf("<table>") < 0
        ? html
        : BARE.matcher(html).replaceAll("<$1 tabindex=\"0\">");
  }
}
