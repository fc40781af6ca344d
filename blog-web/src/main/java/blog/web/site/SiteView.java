package blog.web.site;

import java.util.List;

/**
 * What the layout shows of the site itself: title and tagline; the versioned URLs of the
 * stylesheets (the built-in one and {@code siteStylesheet}, the accent colour), the comments script
 * and the icon; the owner's {@code logo} (a path, empty for none), {@code footerText} (empty: the
 * built-in line), {@code fullPosts} (the home page shows whole posts) and the header's {@code
 * menu}; {@code webmention}: the Webmention endpoint the head names (empty for none).
 */
public record SiteView(
    String title,
    String tagline,
    String stylesheet,
    String commentsScript,
    String icon,
    String siteStylesheet,
    String logo,
    String footerText,
    boolean fullPosts,
    List<MenuLink> menu,
    String webmention) {

  public SiteView {
    menu = List.copyOf(menu);
  }
}
