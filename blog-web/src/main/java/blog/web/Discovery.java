package blog.web;

import blog.core.change.VersionMemos;
import blog.core.feed.FeedCommentRepository;
import blog.core.feed.FeedReader;
import blog.core.post.PostRepository;
import blog.core.search.PostSearch;
import blog.core.search.VendorSearchRepository;
import blog.core.sitemap.SitemapReader;
import blog.core.sitemap.SitemapRepository;
import blog.core.taxonomy.TermRepository;
import blog.web.feed.FeedHandlers;
import blog.web.post.PostHandlers;
import blog.web.post.PostViews;
import blog.web.search.FrontPage;
import blog.web.seo.CanonicalRedirects;
import blog.web.seo.SitemapHandlers;
import blog.web.site.ConditionalGet;
import blog.web.site.Pages;

/**
 * How the blog is found from outside: feeds, search, the sitemap and robots.txt, and the redirects
 * to each page's one canonical address. Built over the same services as the rest.
 */
record Discovery(
    FeedHandlers feeds, FrontPage front, SitemapHandlers sitemap, CanonicalRedirects canonical) {

  static Discovery create(
      Services services,
      ServerSettings server,
      Pages pages,
      PostHandlers posts,
      PostViews views,
      VersionMemos memos) {
    var jdbi = services.database().jdbi();
    var clock = services.clock();
    var reader = services.reader();
    var postRepository = new PostRepository(jdbi);
    var conditional = new ConditionalGet(clock);
    var sitemap = new SitemapReader(new SitemapRepository(jdbi), postRepository, clock);
    return new Discovery(
        new FeedHandlers(
            new FeedReader(
                reader,
                postRepository,
                new TermRepository(jdbi),
                new FeedCommentRepository(jdbi),
                clock),
            services.editing().oldPermalinks(),
            reader,
            pages.urls(),
            conditional),
        new FrontPage(
            posts,
            new PostSearch(new VendorSearchRepository(jdbi), reader, clock),
            reader,
            pages,
            views),
        new SitemapHandlers(
            sitemap,
            // Sitemaps sum up posts and terms, not comments: kept per listing version.
            memos.perListingVersion(sitemap::fileStarts),
            memos::perListingVersion,
            reader,
            pages.urls(),
            conditional),
        new CanonicalRedirects(server.baseUrl()));
  }
}
