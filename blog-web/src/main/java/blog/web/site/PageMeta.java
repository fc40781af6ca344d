package blog.web.site;

import java.time.Instant;
import java.util.List;

/**
 * What a handler tells the page head about its page, for search engines, link previews and feed
 * readers. {@link #NONE} (no canonical URL, the tagline as description) suits pages that should not
 * be indexed as themselves, e.g. errors.
 *
 * @param canonicalPath this page's one address on the site (a path), or null for none
 * @param description plain text, or null for the site's tagline
 * @param article the post this page shows, for OpenGraph article tags; null on other pages
 * @param image an absolute or root-relative image URL for link previews, or null
 * @param feeds feeds of this page in addition to the site's own
 * @param jsonLd a ready {@code application/ld+json} text (see {@code blog.web.seo.JsonLd}), or null
 * @param noindex whether search engines should leave this page out (search results)
 */
public record PageMeta(
    String canonicalPath,
    String description,
    Article article,
    String image,
    List<FeedLink> feeds,
    String jsonLd,
    boolean noindex) {
  public static final PageMeta NONE = new PageMeta(null, null, null, null, List.of(), null, false);

  public PageMeta {
    feeds = List.copyOf(feeds);
  }

  /** A page of its own at {@code canonicalPath}. */
  public static PageMeta at(String canonicalPath, String description) {
    return new PageMeta(canonicalPath, description, null, null, List.of(), null, false);
  }

  public PageMeta withFeed(FeedLink feed) {
    List<FeedLink> all = new java.util.ArrayList<>(feeds);
    all.add(feed);
    return new PageMeta(canonicalPath, description, article, image, all, jsonLd, noindex);
  }

  public PageMeta asArticle(Article article, String image, String jsonLd) {
    return new PageMeta(canonicalPath, description, article, image, feeds, jsonLd, noindex);
  }

  public PageMeta unindexed() {
    return new PageMeta(canonicalPath, description, article, image, feeds, jsonLd, true);
  }

  /** OpenGraph's article facts. */
  public record Article(
      Instant published, Instant modified, List<String> sections, List<String> tags) {
    public Article {
      sections = List.copyOf(sections);
      tags = List.copyOf(tags);
    }
  }
}
