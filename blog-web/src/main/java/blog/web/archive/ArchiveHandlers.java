package blog.web.archive;

import blog.core.post.PostPage;
import blog.core.reading.AuthorArchive;
import blog.core.reading.BlogReader;
import blog.core.reading.PageStarts;
import blog.core.reading.TermArchive;
import blog.core.site.SiteSettings;
import blog.core.taxonomy.Taxonomy;
import blog.web.post.ListingView;
import blog.web.post.PostViews;
import blog.web.site.FeedLink;
import blog.web.site.PageMeta;
import blog.web.site.Pages;
import blog.web.site.PathParams;
import blog.web.site.Permalinks;
import blog.web.site.Shown;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;

/** Yearly, monthly, daily, category, tag and author archives, each paginated like the home page. */
public final class ArchiveHandlers {
  /** The day in a daily archive's heading, as WordPress's default date format writes it. */
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

  private final BlogReader reader;
  private final Pages pages;
  private final PostViews views;
  private final PageStarts starts;

  /** {@code starts}: where the pages of a listing start (later pages are read from there). */
  public ArchiveHandlers(BlogReader reader, Pages pages, PostViews views, PageStarts starts) {
    this.reader = reader;
    this.starts = starts;
    this.pages = pages;
    this.views = views;
  }

  /** {@code GET /{year}/{month}/} */
  public void month(Context ctx) {
    int year = PathParams.fixed(ctx.pathParam("year"), 4, "year");
    int month = PathParams.fixed(ctx.pathParam("month"), 2, "month");
    int page = PathParams.page(ctx);
    SiteSettings site = reader.site();
    PostPage posts = reader.month(year, month, page, starts);
    String name = Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year;
    show(
        ctx,
        "Monthly Archives: " + name,
        posts,
        views.listing("Monthly Archives: " + name, posts, Permalinks.month(year, month), site),
        PageMeta.at(
            Permalinks.page(Permalinks.month(year, month), page),
            "Posts from " + name + " on " + site.title() + "."));
  }

  /** {@code GET /{year}/{month}/{day}/} */
  public void day(Context ctx) {
    LocalDate date =
        PathParams.date(ctx.pathParam("year"), ctx.pathParam("month"), ctx.pathParam("day"));
    int page = PathParams.page(ctx);
    SiteSettings site = reader.site();
    PostPage posts = reader.day(date, page, starts);
    String name = DAY.format(date);
    String heading = "Daily Archives: " + name;
    String base = Permalinks.day(date);
    show(
        ctx,
        heading,
        posts,
        views.listing(heading, posts, base, site),
        PageMeta.at(
            Permalinks.page(base, page), "Posts from " + name + " on " + site.title() + "."));
  }

  /** {@code GET /author/{name}/}: by username or its slug. */
  public void author(Context ctx) {
    int page = PathParams.page(ctx);
    SiteSettings site = reader.site();
    AuthorArchive archive = reader.author(ctx.pathParam("name"), page, starts);
    String name = archive.author().name();
    String heading = "Author Archives: " + name;
    String base = Permalinks.author(archive.author().slug());
    show(
        ctx,
        heading,
        archive.page(),
        views.listing(heading, archive.page(), base, site),
        PageMeta.at(Permalinks.page(base, page), "Posts by " + name + " on " + site.title() + "."));
  }

  /** {@code GET /{year}/} */
  public void year(Context ctx) {
    int year = PathParams.fixed(ctx.pathParam("year"), 4, "year");
    int page = PathParams.page(ctx);
    SiteSettings site = reader.site();
    String heading = "Yearly Archives: " + year;
    PostPage posts = reader.year(year, page, starts);
    show(
        ctx,
        heading,
        posts,
        views.listing(heading, posts, Permalinks.year(year), site),
        PageMeta.at(
            Permalinks.page(Permalinks.year(year), page),
            "Posts from " + year + " on " + site.title() + "."));
  }

  /** {@code GET /category/{slug}/} */
  public void category(Context ctx) {
    term(ctx, Taxonomy.CATEGORY, "Category Archives: ");
  }

  /** {@code GET /tag/{slug}/} */
  public void tag(Context ctx) {
    term(ctx, Taxonomy.TAG, "Tag Archives: ");
  }

  private void term(Context ctx, Taxonomy taxonomy, String label) {
    int page = PathParams.page(ctx);
    SiteSettings site = reader.site();
    TermArchive archive = reader.term(taxonomy, ctx.pathParam("slug"), page, starts);
    String heading = label + archive.term().name();
    String base = Permalinks.term(archive.term());
    String kind = taxonomy == Taxonomy.CATEGORY ? "Category" : "Tag";
    show(
        ctx,
        heading,
        archive.page(),
        views.listing(heading, archive.page(), base, site),
        PageMeta.at(
                Permalinks.page(base, page),
                "Posts filed under “" + archive.term().name() + "” on " + site.title() + ".")
            .withFeed(
                FeedLink.of(
                    site.title() + " » " + archive.term().name() + " " + kind + " Feed", base)));
  }

  /** {@code posts}: the posts listed, whose comment counts the page shows. */
  private void show(Context ctx, String title, PostPage posts, ListingView listing, PageMeta meta) {
    Shown.listing(ctx, posts.posts());
    pages.render(ctx, "archive/list", title, Map.of("listing", listing, "meta", meta));
  }
}
