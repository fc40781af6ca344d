package blog.web.seo;

import blog.core.post.Post;
import blog.core.post.PostSummary;
import blog.core.site.SiteSettings;
import blog.core.taxonomy.Term;
import blog.web.site.AbsoluteUrls;
import blog.web.site.PageMeta;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.List;

/**
 * {@link PostMeta#of} kept in memory by everything it is made from, compared by value (the post
 * with its body, terms, author and comment count, the paths, the site's settings): finding the
 * first image and writing the JSON-LD was a tenth of a post page rendered per request. A changed
 * post, comment count or setting makes another key, so what is kept is never stale; at most about
 * {@code maxChars} characters are kept, the least used going first. It holds nothing of a visitor.
 */
public final class KeptPostMeta {
  /**
   * What {@link PostMeta#of} reads, and nothing more: comparing the post's Markdown too (the whole
   * {@code Post}) cost as much as what is kept saves.
   */
  private record Key(
      String bodyHtml,
      String title,
      Instant publishedAt,
      Instant updatedAt,
      String authorName,
      List<Term> categories,
      List<Term> tags,
      int commentCount,
      String permalink,
      String canonicalPath,
      String description,
      String siteTitle) {
    static Key of(
        PostSummary summary,
        String permalink,
        String canonicalPath,
        String description,
        SiteSettings site) {
      Post post = summary.post();
      return new Key(
          post.bodyHtml(),
          post.title(),
          post.publishedAt(),
          post.updatedAt(),
          summary.authorName(),
          summary.categories(),
          summary.tags(),
          summary.commentCount(),
          permalink,
          canonicalPath,
          description,
          site.title());
    }
  }

  private final AbsoluteUrls urls;
  private final Cache<Key, PageMeta> kept;

  public KeptPostMeta(AbsoluteUrls urls, long maxChars) {
    this.urls = urls;
    this.kept =
        Caffeine.newBuilder()
            .maximumWeight(maxChars)
            .weigher((Key key, PageMeta meta) -> weight(key, meta))
            .build();
  }

  /** As {@link PostMeta#of}, with this site's {@link AbsoluteUrls}. */
  public PageMeta of(
      PostSummary summary,
      String permalink,
      String canonicalPath,
      String description,
      SiteSettings site) {
    return kept.get(
        Key.of(summary, permalink, canonicalPath, description, site),
        key -> PostMeta.of(summary, permalink, canonicalPath, description, site, urls));
  }

  private static int weight(Key key, PageMeta meta) {
    long chars = length(key.bodyHtml()) + length(key.description()) + length(meta.jsonLd()) + 256;
    return (int) Math.min(Integer.MAX_VALUE, chars);
  }

  private static long length(String s) {
    return s == null ? 0 : s.length();
  }
}
