package blog.core.wxr;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.owasp.html.Encoding;

/** WordPress's ways of writing text, dates and slugs, turned into this blog's, and back. */
final class WordPressText {
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern PRE_OPEN = Pattern.compile("(?i)<pre[\\s>]");
  private static final Pattern PRE_CLOSE = Pattern.compile("(?i)</pre\\s*>");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** Makes a blank line inside {@code <pre>} not blank to Markdown; gone after sanitising. */
  static final String KEEPS_HTML_BLOCK = "<!---->";

  private WordPressText() {}

  /**
   * A title, name or excerpt as plain text: WordPress keeps them as HTML (tags, entities); this
   * blog keeps plain text and escapes it on every page.
   */
  static String plain(String html) {
    String text = Encoding.decodeHtml(TAG.matcher(html).replaceAll(""), false);
    return SPACES.matcher(CONTROL.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
  }

  /** Plain text as WordPress keeps it in titles and names: HTML with the specials escaped. */
  static String html(String plain) {
    return plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * A post's WordPress HTML as this blog's Markdown source, which passes HTML through. Lines lose
   * their indentation outside {@code <pre>}: HTML ignores it, but Markdown would make indented
   * lines after a blank one into code blocks. Inside {@code <pre>} a blank line gets an empty
   * comment ({@link #KEEPS_HTML_BLOCK}): a blank line ends Markdown's raw HTML block, and the rest
   * of the {@code <pre>} would be read as Markdown (indented lines as code, {@code \_} as an
   * escape); the sanitiser drops the comment, the line stays blank. Text that Markdown would read
   * (paragraphs without tags, "1. " or "- " at a line's start, "\\_") is wrapped in {@code <p>} so
   * that it is HTML too ({@link HtmlOnly}).
   */
  static String postBody(String content) {
    String text = content.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = new StringBuilder(text.length());
    int preDepth = 0;
    for (String line : text.split("\n", -1)) {
      if (preDepth > 0 && line.isBlank()) {
        out.append(line).append(KEEPS_HTML_BLOCK).append('\n');
        continue;
      }
      out.append(preDepth > 0 ? line : line.stripLeading()).append('\n');
      preDepth += count(PRE_OPEN, line) - count(PRE_CLOSE, line);
      preDepth = Math.max(0, preDepth);
    }
    return HtmlOnly.of(out.toString().strip());
  }

  private static int count(Pattern pattern, String line) {
    int n = 0;
    var m = pattern.matcher(line);
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** A slug as WordPress stores it (percent-encoded UTF-8 for non-ASCII), decoded, lower case. */
  static String decodeSlug(String slug) {
    String s = slug.strip();
    try {
      s = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // not percent-encoded after all: keep it as written
    }
    return CONTROL.matcher(s).replaceAll("").replace("/", "-").strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The instant of a WordPress date pair: the GMT one when set, else the local one in {@code zone}
   * (WordPress writes "0000-00-00 00:00:00" for "none", e.g. on drafts); null if neither.
   */
  static Instant instant(String gmt, String local, ZoneId zone) {
    LocalDateTime utc = dateTime(gmt);
    if (utc != null) {
      return utc.toInstant(ZoneOffset.UTC);
    }
    LocalDateTime there = dateTime(local);
    return there == null ? null : there.atZone(zone).toInstant();
  }

  private static LocalDateTime dateTime(String value) {
    if (value == null || value.isBlank() || value.startsWith("0000")) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip(), DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** How WordPress writes an instant in a zone. */
  static String format(Instant instant, ZoneId zone) {
    return instant == null ? "0000-00-00 00:00:00" : DATE.format(instant.atZone(zone));
  }

  /** At most {@code max} characters (whole code points). */
  static String clip(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max;
    if (Character.isLowSurrogate(s.charAt(end)) && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
