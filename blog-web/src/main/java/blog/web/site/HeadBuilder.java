package blog.web.site;

import blog.core.site.SiteSettings;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a page's head from what its handler said ({@link PageMeta}) and the site: description,
 * canonical URL, robots, feed autodiscovery, OpenGraph and Twitter-card tags.
 */
final class HeadBuilder {
  /** Search engines show about this much of a description. */
  static final int DESCRIPTION_LENGTH = 160;

  private HeadBuilder() {}

  static HeadView head(PageMeta meta, String title, SiteSettings site, AbsoluteUrls urls) {
    String description =
        meta.description() == null || meta.description().isBlank()
            ? site.tagline()
            : shorten(meta.description());
    String canonical = meta.canonicalPath() == null ? null : urls.of(meta.canonicalPath());
    String image = meta.image() == null ? null : urls.of(meta.image());

    List<FeedLink> feeds = new ArrayList<>();
    for (FeedLink feed : concat(FeedLink.site(site.title()), meta.feeds())) {
      feeds.add(new FeedLink(feed.title(), feed.type(), urls.of(feed.href())));
    }

    List<MetaTag> og = new ArrayList<>();
    List<MetaTag> twitter = new ArrayList<>();
    if (canonical == null) {
      // Not a page of its own (an error, search results): nothing to preview or share.
      return new HeadView(
          description, null, meta.noindex() ? "noindex, follow" : null, feeds, og, twitter, null);
    }
    og.add(new MetaTag("og:site_name", site.title()));
    og.add(new MetaTag("og:type", meta.article() == null ? "website" : "article"));
    og.add(new MetaTag("og:title", title));
    og.add(new MetaTag("og:description", description));
    og.add(new MetaTag("og:url", canonical));
    if (image != null) {
      og.add(new MetaTag("og:image", image));
    }
    og.add(new MetaTag("og:locale", "en_US"));
    PageMeta.Article article = meta.article();
    if (article != null) {
      og.add(new MetaTag("article:published_time", iso(article.published())));
      og.add(new MetaTag("article:modified_time", iso(article.modified())));
      article.sections().forEach(s -> og.add(new MetaTag("article:section", s)));
      article.tags().forEach(t -> og.add(new MetaTag("article:tag", t)));
    }

    twitter.add(new MetaTag("twitter:card", image == null ? "summary" : "summary_large_image"));
    twitter.add(new MetaTag("twitter:title", title));
    twitter.add(new MetaTag("twitter:description", description));
    if (image != null) {
      twitter.add(new MetaTag("twitter:image", image));
    }
    return new HeadView(
        description,
        canonical,
        meta.noindex() ? "noindex, follow" : null,
        feeds,
        og,
        twitter,
        meta.jsonLd());
  }

  /** At most {@link #DESCRIPTION_LENGTH} characters, cut between words. */
  static String shorten(String text) {
    String plain = collapsed(text);
    if (plain.length() <= DESCRIPTION_LENGTH) {
      return plain;
    }
    String cut = plain.substring(0, DESCRIPTION_LENGTH - 1);
    if (Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
      cut = cut.substring(0, cut.length() - 1);
    }
    int space = cut.lastIndexOf(' ');
    if (space > DESCRIPTION_LENGTH / 2) {
      cut = cut.substring(0, space);
    }
    return cut.strip() + "…";
  }

  /**
   * The text with its runs of white space made one space and its ends stripped, as far as a
   * description shows it: all of it if that is at most {@link #DESCRIPTION_LENGTH} characters, else
   * more than that many. Only a prefix is collapsed, twice as long each time until it is enough: a
   * post's description is its whole body, which every page of the post (and every render of it)
   * would otherwise scan.
   */
  private static String collapsed(String text) {
    // By hand, not by a regular expression: this ran for every page rendered.
    StringBuilder out = new StringBuilder(Math.min(text.length(), 2 * DESCRIPTION_LENGTH + 1));
    boolean space = false;
    int check = 2 * DESCRIPTION_LENGTH;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c);
      if (out.length() > check) {
        String plain = out.toString().strip();
        if (plain.length() > DESCRIPTION_LENGTH) {
          return plain;
        }
        check = 2 * check;
      }
    }
    return out.toString().strip();
  }

  private static String iso(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
