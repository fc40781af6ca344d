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
    return String.format(
        "/%04d/%02d/%02d/%s/",
        day.getYear(), day.getMonthValue(), day.getDayOfMonth(), segment(slug));
  }

  public static String segment(String slug) {
    return URLEncoder.encode(slug, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
