package blog.web.search;

import blog.core.NotFoundException;
import blog.core.post.Post;
import blog.core.reading.BlogReader;
import blog.core.search.PostSearch;
import blog.core.search.SearchResults;
import blog.core.site.SiteSettings;
import blog.web.post.ListingView;
import blog.web.post.PostHandlers;
import blog.web.post.PostViews;
import blog.web.site.PageMeta;
import blog.web.site.Pages;
import blog.web.site.PathParams;
import blog.web.site.Permalinks;
import blog.web.site.Shown;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The front page's addresses, as WordPress answers them: {@code /?s=words} (and {@code
 * /page/N/?s=words}) are search results, {@code /?p=ID} moves to that post's permalink (feeds use
 * it as the permanent id of a post), and anything else is the home page.
 */
public final class FrontPage {
  private final PostHandlers posts;
  private final PostSearch search;
  private final BlogReader reader;
  private final Pages pages;
  private final PostViews views;

  public FrontPage(
      PostHandlers posts, PostSearch search, BlogReader reader, Pages pages, PostViews views) {
    this.posts = posts;
    this.search = search;
    this.reader = reader;
    this.pages = pages;
    this.views = views;
  }

  /** {@code GET /} and {@code GET /page/{page}/} */
  public void show(Context ctx) {
    String p = ctx.queryParam("p");
    if (p != null && ctx.pathParamMap().get("page") == null) {
      long id = PathParams.number(p, "post");
      Post post = reader.visiblePost(id).orElseThrow(() -> new NotFoundException("post " + id));
      ctx.redirect(Permalinks.post(post, reader.site().timeZone()), HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    String words = ctx.queryParam("s");
    if (words == null) {
      posts.home(ctx);
      return;
    }
    results(ctx, words);
  }

  private void results(Context ctx, String words) {
    int page = PathParams.page(ctx);
    SiteSettings site = reader.site();
    SearchResults found = search.search(words, page);
    // Found among the posts' words: a listing, kept until they or the counts it shows change.
    Shown.listing(ctx, found.page().posts());
    String query = found.query().text();
    ListingView listing = views.listing(null, found.page(), "/", site);
    String suffix = "?s=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    ListingView paged =
        new ListingView(
            listing.heading(),
            listing.posts(),
            listing.newerUrl() == null ? null : listing.newerUrl() + suffix,
            listing.olderUrl() == null ? null : listing.olderUrl() + suffix,
            listing.page());
    String title = found.query().isEmpty() ? "Search" : "Search Results for “" + query + "”";
    // A page of results is no page of its own: search engines should not index it.
    ctx.header("Cache-Control", "no-cache");
    pages.render(
        ctx,
        "search/results",
        page > 1 ? title + " – Page " + page : title,
        Map.of(
            "listing",
            paged,
            "query",
            query,
            "searched",
            !found.query().isEmpty(),
            "total",
            found.total(),
            "searchQuery",
            query,
            "meta",
            PageMeta.at(null, title).unindexed()));
  }
}
