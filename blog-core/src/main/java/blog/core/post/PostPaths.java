package blog.core.post;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A post's WordPress "day and name" permalink path, {@code /2011/09/14/slug/}, with the day taken
 * in the site's time zone; a page's is {@code /slug/}. Pages and mails link to posts through this
 * one definition.
 */
public final class PostPaths {
  private PostPaths() {}

  public static String permalink(Post post, ZoneId zone) {
    if (post.isPage()) {
      return "/" + segment(post.slug()) + "/";
    }
    return permalink(post.slug(), post.publishedAt(), zone);
  }

  /** A post's permalink from the two things it is made of (for rows that are not whole posts). */
  public static String permalink(String slug, Instant publishedAt, ZoneId zone) {
    LocalDate day = publishedAt.atZone(zone).toLocalDate();
    // By hand, not String.format: listings build dozens of these per page.
    StringBuilder path = new StringBuilder(slug.length() + 16).append('/');
    padded(path, day.getYear(), 4).append('/');
    padded(path, day.getMonthValue(), 2).append('/');
    padded(path, day.getDayOfMonth(), 2).append('/');
    return path.append(segment(slug)).append('/').toString();
  }

  /** {@code value} with leading zeros to {@code width} digits (as %0Nd). */
  private static StringBuilder padded(StringBuilder to, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      to.append('0');
    }
    return to.append(digits);
  }

  public static String segment(String slug) {
    return URLEncoder.encode(slug, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
