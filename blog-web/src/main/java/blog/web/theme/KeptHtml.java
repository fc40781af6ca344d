package blog.web.theme;

import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A piece of HTML kept between pages (the threads of a post as everyone sees them) together with
 * its UTF-8 bytes, encoded once: a page written as bytes ({@link ThemeTemplates#renderBytes})
 * copies them as they are instead of encoding the text again on every page. A template prints it
 * with {@code {{ piece }}} (not {@code | raw}, which would make a new string of it); it is already
 * safe HTML, so it is not escaped. Anywhere else it is its text, decoded from the bytes.
 */
public final class KeptHtml extends SafeString {
  private final byte[] utf8;

  /** Keeps the bytes alone (half what the text would take again): the text is made if asked for. */
  public KeptHtml(String html) {
    super("");
    this.utf8 = html.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return new String(utf8, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeptHtml other && Arrays.equals(utf8, other.utf8);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(utf8);
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
