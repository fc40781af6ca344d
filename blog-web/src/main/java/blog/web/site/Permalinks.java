package blog.web.site;

import blog.core.post.Post;
import blog.core.post.PostPaths;
import blog.core.taxonomy.Taxonomy;
import blog.core.taxonomy.Term;
import java.time.LocalDate;
import java.time.ZoneId;

/** WordPress-style "day and name" permalinks and archive paths, all with a trailing slash. */
public final class Permalinks {
  private Permalinks() {}

  public static String post(Post post, ZoneId zone) {
    return PostPaths.permalink(post, zone);
  }

  public static String term(Term term) {
    String base = term.taxonomy() == Taxonomy.CATEGORY ? "/category/" : "/tag/";
    return base + segment(term.slug()) + "/";
  }

  public static String month(int year, int month) {
    StringBuilder path = new StringBuilder(9);
    return digits(digits(path.append('/'), year, 4).append('/'), month, 2).append('/').toString();
  }

  public static String day(LocalDate date) {
    StringBuilder path = new StringBuilder(12);
    digits(digits(path.append('/'), date.getYear(), 4).append('/'), date.getMonthValue(), 2);
    return digits(path.append('/'), date.getDayOfMonth(), 2).append('/').toString();
  }

  /**
   * {@code value} with leading zeros to {@code width} digits, as {@code %0Nd} writes it (a path is
   * made for every post on every listing: not worth a format string's parse each time).
   */
  private static StringBuilder digits(StringBuilder out, int value, int width) {
    String text = Integer.toString(value);
    for (int i = text.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(text);
  }

  /** An author's archive, by the slug of their byline; null for no author. */
  public static String author(String slug) {
    return slug == null || slug.isEmpty() ? null : "/author/" + segment(slug) + "/";
  }

  public static String year(int year) {
    return String.format("/%04d/", year);
  }

  /** {@code base} is a listing path ending in "/"; page 1 is the listing itself. */
  public static String page(String base, int page) {
    return page <= 1 ? base : base + "page/" + page + "/";
  }

  private static String segment(String slug) {
    return PostPaths.segment(slug);
  }
}
