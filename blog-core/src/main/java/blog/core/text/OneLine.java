package blog.core.text;

import java.util.regex.Pattern;

/**
 * Text for a one-line field (a title, a name, an address, a file name): no control characters (C0
 * and C1, NEL among them) and none of Unicode's line and paragraph separators, which break a line
 * in feeds, mail subjects and scripts as a newline does.
 */
public final class OneLine {
  private static final Pattern BREAKS = Pattern.compile("[\\p{Cc}\\u2028\\u2029]");

  private OneLine() {}

  /**
   * {@code value} with each such character replaced by {@code with}, then stripped; "" for null.
   */
  public static String clean(String value, String with) {
    return value == null ? "" : BREAKS.matcher(value).replaceAll(with).strip();
  }
}
