package blog.core.site;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the site looks, as its owner set it on the settings screen: the accent colour, the footer's
 * text, whether the home page shows whole posts, the header's menu and logo.
 *
 * @param accent the accent colour as {@code #rrggbb}, lower case
 * @param footerText plain text replacing the footer's "Powered by…" line; empty keeps that line
 * @param fullPosts whether the home page shows posts whole rather than their excerpts
 * @param menu the header's menu, in order, as stored (pages by id, links by URL)
 * @param logo the path of one of the site's own images ({@code /media/...}); empty for none
 */
public record SiteLook(
    String accent, String footerText, boolean fullPosts, List<MenuEntry> menu, String logo) {

  public static final String ACCENT = "site.accent-color";
  public static final String FOOTER_TEXT = "site.footer-text";
  public static final String HOME_SHOWS = "reading.home-shows";
  public static final String MENU = "site.menu";
  public static final String LOGO = "site.logo";

  public static final String DEFAULT_ACCENT = "#1a6fb0";
  public static final String EXCERPTS = "excerpts";
  public static final String FULL = "full";

  private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");

  public SiteLook {
    menu = List.copyOf(menu);
  }

  /** Reads stored values, falling back to defaults for missing or unusable ones. */
  public static SiteLook from(Map<String, String> stored) {
    String accent = stored.getOrDefault(ACCENT, DEFAULT_ACCENT);
    String logo = stored.getOrDefault(LOGO, "");
    return new SiteLook(
        HEX.matcher(accent).matches() ? accent : DEFAULT_ACCENT,
        stored.getOrDefault(FOOTER_TEXT, ""),
        FULL.equals(stored.get(HOME_SHOWS)),
        MenuEntry.parse(stored.getOrDefault(MENU, "")),
        logo.startsWith("/media/") ? logo : "");
  }
}
