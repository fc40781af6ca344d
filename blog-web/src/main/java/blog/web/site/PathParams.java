package blog.web.site;

import blog.core.NotFoundException;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Numbers in paths (pages, years, months, days) parsed strictly: anything that is not a plain
 * number of the right size is a 404, never a 500.
 */
public final class PathParams {
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

  private PathParams() {}

  /** The {@code page} path parameter, 1 when the route has none. */
  public static int page(Context ctx) {
    String raw = ctx.pathParamMap().get("page");
    return raw == null ? 1 : number(raw, "page");
  }

  public static int number(String raw, String what) {
    if (raw == null || !DIGITS.matcher(raw).matches()) {
      throw new NotFoundException(what + " '" + raw + "'");
    }
    return Integer.parseInt(raw);
  }

  /** The non-empty, percent-decoded segments of a request path: {@code /a/b%20c/} gives a, b c. */
  public static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    for (String raw : path.split("/")) {
      if (!raw.isEmpty()) {
        try {
          segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          throw new NotFoundException("path " + path);
        }
      }
    }
    return segments;
  }

  /** A calendar date from path segments, e.g. 2011 / 09 / 14. */
  public static LocalDate date(String year, String month, String day) {
    int y = fixed(year, 4, "year");
    int m = fixed(month, 2, "month");
    int d = fixed(day, 2, "day");
    try {
      return LocalDate.of(y, m, d);
    } catch (DateTimeException e) {
      throw new NotFoundException("date " + year + "/" + month + "/" + day);
    }
  }

  /** A number written with exactly {@code digits} digits, as permalinks write years and months. */
  public static int fixed(String raw, int digits, String what) {
    if (raw == null || raw.length() != digits || !DIGITS.matcher(raw).matches()) {
      throw new NotFoundException(what + " '" + raw + "'");
    }
    return Integer.parseInt(raw);
  }
}
