package blog.core.identity;

import java.util.Locale;

/**
 * How readers see a post's author: the display name, and the slug of the author's archive ({@code
 * /author/{slug}/}), which is the username as WordPress makes its {@code user_nicename} of a login:
 * lower-cased, dots as dashes. So links to an imported blog's author archives keep working.
 */
public record Byline(String name, String slug) {
  /** No author known (a post whose author row is gone): no name, no archive. */
  public static final Byline NONE = new Byline("", "");

  public static String slugOf(String username) {
    return username.toLowerCase(Locale.ROOT).replace('.', '-');
  }
}
