package blog.web.seo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.Post;
import blog.core.post.PostStatus;
import blog.core.post.PostSummary;
import blog.core.post.PostType;
import blog.core.site.SiteSettings;
import blog.core.taxonomy.Taxonomy;
import blog.core.taxonomy.Term;
import blog.web.site.AbsoluteUrls;
import blog.web.site.PageMeta;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeptPostMetaTest {
  private static final Instant PUBLISHED = Instant.parse("2026-01-02T03:04:05Z");
  private final AbsoluteUrls urls = new AbsoluteUrls("https://blog.example");
  private final KeptPostMeta kept = new KeptPostMeta(urls, 1_000_000);
  private final SiteSettings site = SiteSettings.from(Map.of());

  @Test
  void keptHeadIsTheOneMadeAfresh() {
    PostSummary summary = summary("Title", "<p>Body</p>", 3, "Ann");
    assertEquals(fresh(summary, site), kept(summary, site));
    assertEquals(fresh(summary, site), kept(summary, site));
  }

  @Test
  void everythingTheHeadShowsMakesAnotherKey() {
    PostSummary before = summary("Title", "<p>Body</p>", 3, "Ann");
    PageMeta first = kept(before, site);
    for (PostSummary changed :
        List.of(
            summary("New title", "<p>Body</p>", 3, "Ann"),
            summary("Title", "<p><img src=\"/media/a.png\"></p>", 3, "Ann"),
            summary("Title", "<p>Body</p>", 4, "Ann"),
            summary("Title", "<p>Body</p>", 3, "Bea"))) {
      PageMeta meta = kept(changed, site);
      assertNotEquals(first, meta);
      assertEquals(fresh(changed, site), meta);
    }
    SiteSettings renamed = SiteSettings.from(Map.of("site.title", "Another blog"));
    assertEquals(fresh(before, renamed), kept(before, renamed));
    assertTrue(kept(before, renamed).jsonLd().contains("Another blog"));
  }

  private PageMeta kept(PostSummary summary, SiteSettings site) {
    return kept.of(summary, "/2026/01/02/title/", "/2026/01/02/title/", "Body", site);
  }

  private PageMeta fresh(PostSummary summary, SiteSettings site) {
    return PostMeta.of(summary, "/2026/01/02/title/", "/2026/01/02/title/", "Body", site, urls);
  }

  private static PostSummary summary(String title, String html, int comments, String author) {
    Post post =
        new Post(
            7,
            "title",
            title,
            "Body",
            html,
            "",
            PostStatus.PUBLISHED,
            1,
            true,
            PUBLISHED,
            PUBLISHED,
            PUBLISHED,
            1,
            PostType.POST);
    Term tag = new Term(1, Taxonomy.TAG, "t", "T");
    return new PostSummary(post, author, "ann", List.of(), List.of(tag), comments);
  }
}
