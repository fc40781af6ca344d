package blog.core.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns titles and names into URL slugs the way WordPress does: lower case, ASCII, dashes. */
public final class Slugs {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
  private static final int MAX_LENGTH = 200;

  private Slugs() {}

  public static String slugify(String text) {
    String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
    String slug = NON_WORD.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
    slug = slug.replaceAll("(^-+)|(-+$)", "");
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "untitled" : slug;
  }
}
