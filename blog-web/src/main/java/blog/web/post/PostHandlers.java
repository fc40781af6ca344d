package blog.web.post;

import blog.core.post.Post;
import blog.core.reading.BlogReader;
import blog.core.reading.PostDetail;
import blog.core.site.SiteSettings;
import blog.web.site.Pages;
import blog.web.site.PathParams;
import blog.web.site.Permalinks;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.Map;

/** The home page, its later pages and single posts. */
public final class PostHandlers {
  private final BlogReader reader;
  private final Pages pages;
  private final PostViews views;

  public PostHandlers(BlogReader reader, Pages pages, PostViews views) {
    this.reader = reader;
    this.pages = pages;
    this.views = views;
  }

  /** {@code GET /} and {@code GET /page/{page}/} */
  public void home(Context ctx) {
    int page = PathParams.page(ctx);
    SiteSettings site = reader.site();
    ListingView listing = views.listing(null, reader.home(page), "/", site);
    pages.render(ctx, "post/home", page > 1 ? "Page " + page : null, Map.of("listing", listing));
  }

  /**
   * {@code GET /{year}/{month}/{day}/{slug}/}. A post found under the wrong date (its date changed,
   * or a link was mistyped) moves permanently to its real permalink, as WordPress does.
   */
  public void single(Context ctx) {
    LocalDate day =
        PathParams.date(ctx.pathParam("year"), ctx.pathParam("month"), ctx.pathParam("day"));
    PostDetail detail = reader.post(ctx.pathParam("slug"));
    Post post = detail.summary().post();
    SiteSettings site = reader.site();
    if (!reader.permalinkDate(post).equals(day)) {
      ctx.redirect(Permalinks.post(post, site.timeZone()), HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    PostView view = views.post(detail.summary(), site);
    pages.render(
        ctx,
        "post/single",
        view.title(),
        Map.of("post", view, "comments", views.comments(detail.comments(), site)));
  }
}
