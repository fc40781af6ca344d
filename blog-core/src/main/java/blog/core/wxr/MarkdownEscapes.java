package blog.core.wxr;

/**
 * Text as comment Markdown that shows exactly that text: every character the comment renderer would
 * read as markup is backslash-escaped (CommonMark lets any ASCII punctuation be), so that a
 * WordPress comment's {@code \o/ ¯\_(ツ)_/¯}, {@code *stars*} or {@code 1. at a line's start} stay
 * as WordPress showed them.
 */
final class MarkdownEscapes {
  /** Markup anywhere in a line: escapes, emphasis, code, links, HTML, entities, fences, cells. */
  private static final String ALWAYS = "\\`*_[]<>&~|";

  private MarkdownEscapes() {}

  /**
   * Appends {@code text} escaped to {@code out}. {@code lineStart}: whether {@code out} is at the
   * start of a line (where list and quote markers count); returns whether it is afterwards.
   * Indentation at a line's start is dropped: it comes from the export's layout, and Markdown would
   * read it as nesting or code.
   */
  static boolean append(StringBuilder out, String text, boolean lineStart) {
    boolean start = lineStart;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append(c);
        start = true;
        i++;
        continue;
      }
      if (start && (c == ' ' || c == '\t')) {
        i++;
        continue;
      }
      if (start) {
        i = lineStart(out, text, i);
        start = false;
        continue;
      }
      if (ALWAYS.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
      i++;
    }
    return start;
  }

  /**
   * A line's first word: list markers ("-", "+", "1.", "1)") lose their meaning (the comment
   * renderer reads no headings, so "#" needs nothing).
   */
  private static int lineStart(StringBuilder out, String text, int i) {
    char c = text.charAt(i);
    if (c == '-' || c == '+') {
      out.append('\\').append(c);
      return i + 1;
    }
    int digits = i;
    while (digits < text.length() && digits - i < 10 && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    if (digits > i
        && digits < text.length()
        && (text.charAt(digits) == '.' || text.charAt(digits) == ')')) {
      out.append(text, i, digits).append('\\').append(text.charAt(digits));
      return digits + 1;
    }
    if (ALWAYS.indexOf(c) >= 0) {
      out.append('\\');
    }
    out.append(c);
    return i + 1;
  }

  /** Escaped text back as it reads, for comparing a link's text with its address. */
  static String unescape(String markdown) {
    StringBuilder out = new StringBuilder(markdown.length());
    for (int i = 0; i < markdown.length(); i++) {
      char c = markdown.charAt(i);
      if (c == '\\' && i + 1 < markdown.length() && isPunctuation(markdown.charAt(i + 1))) {
        c = markdown.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }

  private static boolean isPunctuation(char c) {
    return c < 128 && !Character.isLetterOrDigit(c) && c > ' ';
  }

  /** {@code code} as an inline code span: fenced by more backticks than it holds in a row. */
  static String codeSpan(String code) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < code.length(); i++) {
      run = code.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = code.startsWith("`") || code.endsWith("`");
    return fence + (pad ? " " + code + " " : code) + fence;
  }
}
