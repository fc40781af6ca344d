package blog.web.feed;

import io.javalin.config.JavalinConfig;

/**
 * The feed URLs WordPress readers know, each in RSS 2.0 ({@code feed/}) and Atom 1.0 ({@code
 * feed/atom/}). Installed before the date-shaped archive routes, which would otherwise take {@code
 * /feed/atom/} for a month.
 */
public final class FeedRoutes {
  private FeedRoutes() {}

  public static void install(JavalinConfig cfg, FeedHandlers feeds) {
    for (FeedFormat format : FeedFormat.values()) {
      String feed = format.suffix();
      cfg.routes.get("/" + feed, ctx -> feeds.posts(ctx, format));
      cfg.routes.get("/comments/" + feed, ctx -> feeds.comments(ctx, format));
      cfg.routes.get("/category/{slug}/" + feed, ctx -> feeds.category(ctx, format));
      cfg.routes.get("/tag/{slug}/" + feed, ctx -> feeds.tag(ctx, format));
      cfg.routes.get(
          "/{year}/{month}/{day}/{slug}/" + feed, ctx -> feeds.postComments(ctx, format));
    }
  }
}
