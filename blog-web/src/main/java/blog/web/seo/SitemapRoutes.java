package blog.web.seo;

import io.javalin.config.JavalinConfig;

/** The routes of the sitemaps (an index, posts, archives) and robots.txt. */
public final class SitemapRoutes {
  private SitemapRoutes() {}

  public static void install(JavalinConfig cfg, SitemapHandlers sitemap) {
    cfg.routes.get(SitemapHandlers.SITEMAP, sitemap::sitemap);
    cfg.routes.get(SitemapHandlers.POSTS, sitemap::posts);
    cfg.routes.get(SitemapHandlers.ARCHIVES, sitemap::archives);
    cfg.routes.get(SitemapHandlers.ROBOTS, sitemap::robots);
  }
}
