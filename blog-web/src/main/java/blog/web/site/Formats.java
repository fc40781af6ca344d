package blog.web.site;

import blog.core.site.SiteSettings;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Dates and times as the site's settings ask for them, in the site's time zone. */
public final class Formats {
  private static final DateTimeFormatter FALLBACK_DATE =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter FALLBACK_TIME =
      DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

  private final DateTimeFormatter date;
  private final DateTimeFormatter time;
  private final ZoneId zone;

  public Formats(SiteSettings site) {
    this.date = pattern(site.dateFormat(), FALLBACK_DATE);
    this.time = pattern(site.timeFormat(), FALLBACK_TIME);
    this.zone = site.timeZone();
  }

  public String date(Instant instant) {
    return date.format(instant.atZone(zone));
  }

  /** "September 14, 2011 at 12:05 PM", as WordPress dates a comment. */
  public String dateTime(Instant instant) {
    return date(instant) + " at " + time.format(instant.atZone(zone));
  }

  /** The machine-readable form for {@code <time datetime>}. */
  public String iso(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
  }

  public ZoneId zone() {
    return zone;
  }

  private static DateTimeFormatter pattern(String pattern, DateTimeFormatter fallback) {
    try {
      return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
    } catch (IllegalArgumentException | DateTimeException e) {
      return fallback;
    }
  }
}
