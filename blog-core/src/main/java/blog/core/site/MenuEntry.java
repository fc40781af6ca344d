package blog.core.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One item of the header's menu as stored: a page of the blog (by id, so a renamed page keeps its
 * place) or a link (a URL, with its label). Stored one a line, fields split by tabs: {@code
 * page<TAB>id<TAB>label} or {@code link<TAB>url<TAB>label}. A page's label may be empty: the page's
 * title is shown then.
 */
public record MenuEntry(long pageId, String url, String label) {

  public boolean isPage() {
    return pageId > 0;
  }

  public static MenuEntry page(long pageId, String label) {
    return new MenuEntry(pageId, "", label);
  }

  public static MenuEntry link(String url, String label) {
    return new MenuEntry(0, url, label);
  }

  /** The entries of a stored value; lines that make no sense are skipped. */
  public static List<MenuEntry> parse(String stored) {
    List<MenuEntry> entries = new ArrayList<>();
    for (String line : stored.split("\n")) {
      String[] f = line.split("\t", 3);
      if (f.length < 2) {
        continue;
      }
      String label = f.length == 3 ? f[2] : "";
      if (f[0].equals("page")) {
        try {
          entries.add(page(Long.parseLong(f[1]), label));
        } catch (NumberFormatException e) {
          // skipped, as said
        }
      } else if (f[0].equals("link") && isAllowedUrl(f[1]) && !label.isEmpty()) {
        entries.add(link(f[1], label));
      }
    }
    return entries;
  }

  public static String format(List<MenuEntry> entries) {
    return entries.stream()
        .map(
            e ->
                e.isPage()
                    ? "page\t" + e.pageId() + "\t" + e.label()
                    : "link\t" + e.url() + "\t" + e.label())
        .collect(Collectors.joining("\n"));
  }

  /**
   * Whether a menu may link to {@code url}: an http or https URL with a host, or a path of this
   * site ({@code /about/}, not {@code //elsewhere.example}). Nothing with spaces, control
   * characters or backslashes, and at most 500 characters.
   */
  public static boolean isAllowedUrl(String url) {
    if (url == null || url.isEmpty() || url.length() > 500 || url.contains("\\")) {
      return false;
    }
    if (url.chars().anyMatch(c -> c <= ' ' || c == 0x7f || Character.isSpaceChar(c))) {
      return false;
    }
    if (url.startsWith("/")) {
      return !url.startsWith("//") && parses(url);
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && uri.getRawUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean parses(String path) {
    try {
      new URI(path);
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
