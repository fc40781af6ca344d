package blog.web.feed;

import blog.core.NotFoundException;
import blog.core.editor.OldPermalinks;
import blog.core.feed.FeedComment;
import blog.core.feed.FeedReader;
import blog.core.post.Post;
import blog.core.post.PostPaths;
import blog.core.post.PostSummary;
import blog.core.reading.BlogReader;
import blog.core.site.SiteSettings;
import blog.core.taxonomy.Taxonomy;
import blog.core.taxonomy.Term;
import blog.web.site.AbsoluteUrls;
import blog.web.site.ConditionalGet;
import blog.web.site.KeptExcerpts;
import blog.web.site.PathParams;
import blog.web.site.Permalinks;
import blog.web.site.Shown;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Every feed, in RSS 2.0 and Atom 1.0: the newest posts (all, per category, per tag), the newest
 * comments (site-wide, per post). Only published posts and approved comments appear; every URL in
 * them is absolute under {@code base-url}; answers carry ETag and Last-Modified and may be 304.
 */
public final class FeedHandlers {
  /** A fixed "updated" for empty feeds: their bytes, and so their ETag, must not change. */
  private static final Instant EPOCH = Instant.EPOCH;

  private final FeedReader feeds;
  private final OldPermalinks oldPermalinks;
  private final BlogReader reader;
  private final AbsoluteUrls urls;
  private final ConditionalGet conditional;
  private final FeedWriter writer = new FeedWriter();
  private final KeptExcerpts excerpts = new KeptExcerpts(2_000_000);

  public FeedHandlers(
      FeedReader feeds,
      OldPermalinks oldPermalinks,
      BlogReader reader,
      AbsoluteUrls urls,
      ConditionalGet conditional) {
    this.feeds = feeds;
    this.oldPermalinks = oldPermalinks;
    this.reader = reader;
    this.urls = urls;
    this.conditional = conditional;
  }

  /** {@code GET /feed/} and {@code /feed/atom/} */
  public void posts(Context ctx, FeedFormat format) {
    SiteSettings site = reader.site();
    List<PostSummary> posts = feeds.latestPosts();
    Shown.listing(ctx, posts);
    List<FeedItem> items = postItems(posts, site.timeZone());
    write(ctx, format, channel(site.title(), site.tagline(), "/", "/", format, site, items));
  }

  /** {@code GET /category/{slug}/feed/} and its Atom twin. */
  public void category(Context ctx, FeedFormat format) {
    term(ctx, Taxonomy.CATEGORY, format);
  }

  /** {@code GET /tag/{slug}/feed/} and its Atom twin. */
  public void tag(Context ctx, FeedFormat format) {
    term(ctx, Taxonomy.TAG, format);
  }

  private void term(Context ctx, Taxonomy taxonomy, FeedFormat format) {
    SiteSettings site = reader.site();
    FeedReader.TermPosts found = feeds.latestPosts(taxonomy, ctx.pathParam("slug"));
    Term term = found.term();
    Shown.listing(ctx, found.posts());
    List<FeedItem> items = postItems(found.posts(), site.timeZone());
    write(
        ctx,
        format,
        channel(
            site.title() + " – " + term.name(),
            site.tagline(),
            Permalinks.term(term),
            Permalinks.term(term),
            format,
            site,
            items));
  }

  /** {@code GET /comments/feed/} and {@code /comments/feed/atom/} */
  public void comments(Context ctx, FeedFormat format) {
    SiteSettings site = reader.site();
    List<FeedItem> items = new ArrayList<>();
    for (FeedComment c : feeds.latestComments()) {
      items.add(commentItem(c, "Comment on " + c.postTitle() + " by " + c.authorName(), site));
    }
    write(
        ctx,
        format,
        channel(
            "Comments for " + site.title(),
            site.tagline(),
            "/",
            "/comments/",
            format,
            site,
            items));
  }

  /** {@code GET <permalink>feed/} and {@code <permalink>feed/atom/}: one post's comments. */
  public void postComments(Context ctx, FeedFormat format) {
    LocalDate day =
        PathParams.date(ctx.pathParam("year"), ctx.pathParam("month"), ctx.pathParam("day"));
    SiteSettings site = reader.site();
    FeedReader.PostComments found;
    try {
      found = feeds.latestComments(ctx.pathParam("slug"));
    } catch (NotFoundException e) {
      // A slug changed after publication: the old feed address follows the post, as its page does.
      Post moved = oldPermalinks.findByOldSlug(ctx.pathParam("slug")).orElseThrow(() -> e);
      ctx.redirect(
          Permalinks.post(moved, site.timeZone()) + format.suffix(), HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    Post post = found.post().post();
    String permalink = Permalinks.post(post, site.timeZone());
    if (!reader.permalinkDate(post).equals(day)) {
      // Filed under another date: the feed lives under the post's real permalink.
      ctx.redirect(permalink + format.suffix(), HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    // It shows this post's comments and their commenters, as the post's page does.
    Shown.post(ctx, post.id());
    List<FeedItem> items = new ArrayList<>();
    for (FeedComment c : found.comments()) {
      items.add(commentItem(c, "By: " + c.authorName(), site));
    }
    write(
        ctx,
        format,
        channel(
            "Comments on: " + post.title(),
            site.tagline(),
            permalink,
            permalink,
            format,
            site,
            items));
  }

  /** {@code pagePath}: the HTML page the feed follows; {@code feedBase}: where its feeds hang. */
  private FeedChannel channel(
      String title,
      String description,
      String pagePath,
      String feedBase,
      FeedFormat format,
      SiteSettings site,
      List<FeedItem> items) {
    Instant updated = items.stream().map(FeedItem::updated).max(Instant::compareTo).orElse(EPOCH);
    return new FeedChannel(
        title,
        description,
        urls.of(pagePath),
        urls.of(feedBase + format.suffix()),
        site.title(),
        updated,
        items);
  }

  private void write(Context ctx, FeedFormat format, FeedChannel channel) {
    conditional.respond(ctx, format.contentType, writer.write(channel, format));
  }

  private List<FeedItem> postItems(List<PostSummary> summaries, ZoneId zone) {
    List<FeedItem> items = new ArrayList<>();
    for (PostSummary s : summaries) {
      Post p = s.post();
      String permalink = Permalinks.post(p, zone);
      List<FeedItem.Category> categories = new ArrayList<>();
      for (Term t : s.categories()) {
        categories.add(new FeedItem.Category(t.name(), urls.of("/category/")));
      }
      for (Term t : s.tags()) {
        categories.add(new FeedItem.Category(t.name(), urls.of("/tag/")));
      }
      items.add(
          new FeedItem(
              postId(p.id()),
              p.title(),
              urls.of(permalink),
              s.authorName(),
              p.publishedAt(),
              latest(p.publishedAt(), p.updatedAt()),
              excerpts.excerpt(p.excerpt(), p.bodyHtml()),
              urls.html(p.bodyHtml()),
              categories,
              s.commentCount(),
              urls.of(permalink + FeedFormat.ATOM.suffix())));
    }
    return items;
  }

  private FeedItem commentItem(FeedComment c, String title, SiteSettings site) {
    String permalink = PostPaths.permalink(c.postSlug(), c.postPublishedAt(), site.timeZone());
    String html = urls.html(c.bodyHtml());
    return new FeedItem(
        postId(c.postId()) + "#comment-" + c.id(),
        title,
        urls.of(permalink) + "#comment-" + c.id(),
        c.authorName(),
        c.createdAt(),
        c.createdAt(),
        PlainText.of(html),
        html,
        List.of(),
        null,
        null);
  }

  /** A post's permanent id, as WordPress's guid: it survives a change of slug or date. */
  private String postId(long id) {
    return urls.of("/?p=" + id);
  }

  private static Instant latest(Instant a, Instant b) {
    return b != null && b.isAfter(a) ? b : a;
  }
}
