package blog.web.site;

import java.util.List;

/**
 * A {@code <link rel="alternate">} that lets browsers and feed readers discover a feed.
 *
 * @param href a path on this site; the page makes it absolute
 */
public record FeedLink(String title, String type, String href) {
  public static final String RSS = "application/rss+xml";
  public static final String ATOM = "application/atom+xml";

  /** The feeds every page announces, as WordPress does: posts (RSS and Atom) and comments. */
  public static List<FeedLink> site(String siteTitle) {
    return List.of(
        new FeedLink(siteTitle + " » Feed", RSS, "/feed/"),
        new FeedLink(siteTitle + " » Atom Feed", ATOM, "/feed/atom/"),
        new FeedLink(siteTitle + " » Comments Feed", RSS, "/comments/feed/"));
  }

  /** The RSS feed of the page at {@code pagePath} (ending in "/"), e.g. a category's. */
  public static FeedLink of(String title, String pagePath) {
    return new FeedLink(title, RSS, pagePath + "feed/");
  }
}
