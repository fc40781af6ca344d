package blog.core.site;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/** The settings every public page needs, with WordPress-like defaults. */
public record SiteSettings(
    String title,
    String tagline,
    int postsPerPage,
    String dateFormat,
    String timeFormat,
    ZoneId timeZone) {

  public static final String TITLE = "site.title";
  public static final String TAGLINE = "site.tagline";
  public static final String POSTS_PER_PAGE = "reading.posts-per-page";
  public static final String DATE_FORMAT = "site.date-format";
  public static final String TIME_FORMAT = "site.time-format";
  public static final String TIME_ZONE = "site.time-zone";

  /** Reads stored values, falling back to defaults for missing or unusable ones. */
  public static SiteSettings from(Map<String, String> stored) {
    return new SiteSettings(
        stored.getOrDefault(TITLE, "My Blog"),
        stored.getOrDefault(TAGLINE, "Just another blog"),
        positive(stored.get(POSTS_PER_PAGE), 10),
        stored.getOrDefault(DATE_FORMAT, "MMMM d, yyyy"),
        stored.getOrDefault(TIME_FORMAT, "h:mm a"),
        zone(stored.get(TIME_ZONE)));
  }

  private static int positive(String value, int fallback) {
    try {
      int n = value == null ? fallback : Integer.parseInt(value.trim());
      return n > 0 ? n : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static ZoneId zone(String value) {
    try {
      return value == null ? ZoneId.of("UTC") : ZoneId.of(value.trim());
    } catch (DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }
}
