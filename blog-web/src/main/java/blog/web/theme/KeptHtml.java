package blog.web.theme;

import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.nio.charset.StandardCharsets;

/**
 * A piece of HTML kept between pages (the threads of a post as everyone sees them) together with
 * its UTF-8 bytes, encoded once: a page written as bytes ({@link ThemeTemplates#renderBytes})
 * copies them as they are instead of encoding the text again on every page. A template prints it
 * with {@code {{ piece }}} (not {@code | raw}, which would make a new string of it); it is already
 * safe HTML, so it is not escaped. Anywhere else it is its text.
 */
public final class KeptHtml extends SafeString {
  private final byte[] utf8;

  public KeptHtml(String html) {
    super(html);
    this.utf8 = html.getBytes(StandardCharsets.UTF_8);
  }

  /** The HTML's UTF-8 bytes; not to be changed. */
  byte[] utf8() {
    return utf8;
  }

  /** How many bytes it is, for what keeps it to weigh. */
  public int length() {
    return utf8.length;
  }
}
