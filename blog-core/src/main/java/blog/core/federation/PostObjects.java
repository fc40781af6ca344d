package blog.core.federation;

import blog.core.post.Post;
import blog.core.post.PostPaths;
import blog.core.site.SiteSettings;
import blog.core.taxonomy.Taxonomy;
import blog.core.taxonomy.Term;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A post as the fediverse sees it: an {@code Article} (title, HTML, summary, address, dates, tags
 * as {@code Hashtag}s, its featured image as an attachment), and the {@code Create}, {@code Update}
 * and {@code Delete} that announce it to the followers. The object's id is {@code
 * /federation/posts/<id>}, stable when the slug changes; its {@code url} is the permalink.
 */
public final class PostObjects {
  private final SiteActor site;

  public PostObjects(SiteActor site) {
    this.site = site;
  }

  public ObjectNode article(Post post, List<Term> terms, SiteSettings settings) {
    String base = site.baseUrl();
    ObjectNode article = Json.object();
    article.putArray("@context").add(Json.AS_CONTEXT).addObject().put("Hashtag", "as:Hashtag");
    article.put("id", site.postObjectId(post.id()));
    article.put("type", "Article");
    article.put("attributedTo", site.id());
    article.put("name", post.title());
    article.put("content", absolute(post.bodyHtml(), base));
    if (post.excerpt() != null && !post.excerpt().isBlank()) {
      article.put("summary", Html.paragraph(post.excerpt()));
    }
    article.put("url", base + PostPaths.permalink(post, settings.timeZone()));
    article.put("published", post.publishedAt().toString());
    if (post.version() > 1
        && post.updatedAt() != null
        && post.updatedAt().isAfter(post.publishedAt())) {
      article.put("updated", post.updatedAt().toString());
    }
    article.putArray("to").add(Json.PUBLIC);
    article.putArray("cc").add(site.followers());
    featuredImage(post.bodyHtml(), base)
        .ifPresent(
            image -> {
              ObjectNode attachment = article.putArray("attachment").addObject();
              attachment.put("type", image.mediaType().startsWith("image/") ? "Image" : "Document");
              attachment.put("mediaType", image.mediaType());
              attachment.put("url", image.url());
              attachment.put("name", image.alt());
            });
    ArrayNode tags = article.putArray("tag");
    for (Term term : terms) {
      if (term.taxonomy() == Taxonomy.TAG) {
        ObjectNode tag = tags.addObject();
        tag.put("type", "Hashtag");
        tag.put("name", "#" + term.name().replaceAll("\\s+", ""));
        tag.put("href", base + "/tag/" + term.slug() + "/");
      }
    }
    return article;
  }

  /** {@code Create} (first time) or {@code Update} (an edit) of the article. */
  public ObjectNode announce(ObjectNode article, boolean update, int version) {
    return Activities.announce(site, article.get("@context"), article, update, version, true);
  }

  /** {@code Delete} of the post's article, with a {@code Tombstone} in its place. */
  public ObjectNode delete(long postId) {
    return Activities.delete(site, site.postObjectId(postId));
  }

  /** The image shown with a post elsewhere: its absolute address, its type and its text. */
  record Image(String url, String mediaType, String alt) {}

  /**
   * The post's featured image: as for link previews (the page's {@code og:image}), its first image
   * that is on this site or on the web; empty when it has none.
   */
  static Optional<Image> featuredImage(String html, String base) {
    if (html == null || html.isEmpty()) {
      return Optional.empty();
    }
    Element img = Jsoup.parseBodyFragment(html).selectFirst("img[src]");
    if (img == null) {
      return Optional.empty();
    }
    String src = img.attr("src").strip();
    String url;
    if (src.startsWith("https://") || src.startsWith("http://")) {
      url = src;
    } else if (src.startsWith("/") && !src.startsWith("//")) {
      url = base + src;
    } else {
      return Optional.empty();
    }
    return Optional.of(new Image(url, mediaType(url), img.attr("alt").strip()));
  }

  /** The type an image's address names by its extension; the media store names every upload so. */
  static String mediaType(String url) {
    String path = url.replaceAll("[?#].*$", "").toLowerCase(Locale.ROOT);
    if (path.endsWith(".png")) {
      return "image/png";
    }
    if (path.endsWith(".jpg") || path.endsWith(".jpeg")) {
      return "image/jpeg";
    }
    if (path.endsWith(".gif")) {
      return "image/gif";
    }
    if (path.endsWith(".webp")) {
      return "image/webp";
    }
    if (path.endsWith(".avif")) {
      return "image/avif";
    }
    if (path.endsWith(".svg")) {
      return "image/svg+xml";
    }
    return "application/octet-stream";
  }

  /** Relative links and images in a post ({@code /media/...}) made absolute for other servers. */
  static String absolute(String html, String base) {
    return html == null
        ? ""
        : html.replaceAll(
            "(href|src)=\"/(?!/)", "$1=\"" + java.util.regex.Matcher.quoteReplacement(base) + "/");
  }
}
