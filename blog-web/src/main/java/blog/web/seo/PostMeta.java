package blog.web.seo;

import blog.core.post.Post;
import blog.core.post.PostSummary;
import blog.core.site.SiteSettings;
import blog.core.taxonomy.Term;
import blog.web.site.AbsoluteUrls;
import blog.web.site.FeedLink;
import blog.web.site.PageMeta;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post page's head: canonical permalink, excerpt as description, its first image for link
 * previews, its comments feed, OpenGraph article facts and a schema.org {@code BlogPosting} in
 * JSON-LD.
 */
public final class PostMeta {
  private static final Pattern FIRST_IMAGE = Pattern.compile("<img\\s[^>]*?src=\"([^\"]+)\"");

  private PostMeta() {}

  /**
   * @param permalink the post's path
   * @param canonicalPath this page's path (the permalink, or one of its comment pages)
   * @param description the post's excerpt, plain text
   */
  public static PageMeta of(
      PostSummary summary,
      String permalink,
      String canonicalPath,
      String description,
      SiteSettings site,
      AbsoluteUrls urls) {
    Post post = summary.post();
    String image = firstImage(post.bodyHtml());
    Instant modified =
        post.updatedAt() != null && post.updatedAt().isAfter(post.publishedAt())
            ? post.updatedAt()
            : post.publishedAt();
    List<String> sections = summary.categories().stream().map(Term::name).toList();
    List<String> tags = summary.tags().stream().map(Term::name).toList();

    Map<String, Object> author = new LinkedHashMap<>();
    author.put("@type", "Person");
    author.put("name", summary.authorName());
    Map<String, Object> publisher = new LinkedHashMap<>();
    publisher.put("@type", "Organization");
    publisher.put("name", site.title());
    publisher.put("url", urls.of("/"));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("@context", "https://schema.org");
    data.put("@type", "BlogPosting");
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("@type", "WebPage");
    page.put("@id", urls.of(permalink));
    data.put("mainEntityOfPage", page);
    data.put("url", urls.of(permalink));
    data.put("headline", post.title());
    data.put("description", description);
    data.put("datePublished", iso(post.publishedAt()));
    data.put("dateModified", iso(modified));
    data.put("author", author);
    data.put("publisher", publisher);
    if (image != null) {
      data.put("image", urls.of(image));
    }
    if (!sections.isEmpty()) {
      data.put("articleSection", sections);
    }
    if (!tags.isEmpty()) {
      data.put("keywords", String.join(", ", tags));
    }
    data.put("commentCount", summary.commentCount());
    data.put("inLanguage", "en");

    return PageMeta.at(canonicalPath, description)
        .withFeed(FeedLink.of(site.title() + " » " + post.title() + " Comments Feed", permalink))
        .asArticle(
            new PageMeta.Article(post.publishedAt(), modified, sections, tags),
            image,
            JsonLd.script(data));
  }

  /** The first image of the post that is on the web or on this site, or null. */
  static String firstImage(String html) {
    Matcher m = FIRST_IMAGE.matcher(html == null ? "" : html);
    if (!m.find()) {
      return null;
    }
    String src = m.group(1).replace("&amp;", "&");
    boolean usable =
        src.startsWith("https://")
            || src.startsWith("http://")
            || (src.startsWith("/") && !src.startsWith("//"));
    return usable ? src : null;
  }

  private static String iso(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        instant.truncatedTo(ChronoUnit.SECONDS).atOffset(java.time.ZoneOffset.UTC));
  }
}
