package blog.core.text;

import java.util.Arrays;
import org.jsoup.Jsoup;

/**
 * The teaser a listing, a feed or a page's description shows for a post, as plain text: its own
 * excerpt when the author wrote one, else the first words of the post as rendered, as WordPress
 * does (55 words, then {@code " […]"}). Both are made from HTML, never from the Markdown source: an
 * imported post's source is WordPress's HTML, and a Markdown post's source has its list markers and
 * emphasis signs, neither of which a reader should see.
 */
public final class Excerpts {
  public static final int WORDS = 55;
  public static final String MORE = " […]";

  /** The first look at a body is this long; each further look twice as long. */
  private static final int FIRST_LOOK = 4096;

  /**
   * The author's excerpt if there is one, without markup; otherwise the start of the rendered body
   * ({@code bodyHtml}, as stored beside the source), cut after {@link #WORDS} words.
   */
  public String excerpt(String authorExcerpt, String bodyHtml) {
    if (authorExcerpt != null && !authorExcerpt.isBlank()) {
      return text(authorExcerpt);
    }
    return firstWords(bodyHtml == null ? "" : bodyHtml);
  }

  /**
   * The body's first words. Only as much of the HTML is read as the words need: a prefix ending
   * before a tag, twice as long each time until it holds more than enough words or is the whole
   * body, so a long post costs about what a short one does.
   */
  private static String firstWords(String html) {
    for (int look = FIRST_LOOK; ; look *= 2) {
      String part = look >= html.length() ? html : prefix(html, look);
      boolean whole = part.length() == html.length();
      String[] words = text(part).split(" ");
      if (words.length > WORDS) {
        return String.join(" ", Arrays.copyOf(words, WORDS)) + MORE;
      }
      if (whole) {
        return String.join(" ", words).strip();
      }
    }
  }

  /**
   * At most {@code length} characters of {@code html}, ending before a tag so that no tag (nor
   * entity) is cut in half: rendered HTML escapes every {@code <} that does not start a tag. The
   * whole of it if no tag starts there but the first.
   */
  private static String prefix(String html, int length) {
    int tag = html.lastIndexOf('<', length);
    return tag > 0 ? html.substring(0, tag) : html;
  }

  /**
   * The first {@code words} words of {@code html} as plain text, with "…" when there were more: a
   * short reminder of a text, such as the comment a reply answers.
   */
  public static String opening(String html, int words) {
    String[] all = text(html == null ? "" : html).split(" ");
    return all.length > words
        ? String.join(" ", Arrays.copyOf(all, words)) + "…"
        : String.join(" ", all);
  }

  /** The text a browser shows for {@code html}, white space collapsed, as jsoup reads it. */
  private static String text(String html) {
    return Jsoup.parseBodyFragment(html).body().text().strip();
  }
}
