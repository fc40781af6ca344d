package blog.web.site;

import java.util.regex.Pattern;

/**
 * Turns this site's paths into absolute URLs under the configured {@code base-url}, for what is
 * read away from the site: feeds, sitemaps, link previews and structured data.
 */
public final class AbsoluteUrls {
  // Root-relative links and images in sanitised post HTML (the sanitiser always double-quotes).
  private static final Pattern ROOT_RELATIVE = Pattern.compile("(\\s(?:href|src)=\")/(?!/)");

  private final String base;

  /** {@code base} is the public address without a trailing slash, e.g. https://blog.example. */
  public AbsoluteUrls(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** {@code path} starts with "/"; absolute http(s) URLs are returned as they are. */
  public String of(String path) {
    if (path.startsWith("http://") || path.startsWith("https://")) {
      return path;
    }
    return base + path;
  }

  public String base() {
    return base;
  }

  /** HTML with every root-relative {@code href} and {@code src} made absolute. */
  public String html(String html) {
    return ROOT_RELATIVE
        .matcher(html)
        .replaceAll("$1" + java.util.regex.Matcher.quoteReplacement(base) + "/");
  }
}
