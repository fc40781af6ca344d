package blog.web;

import blog.core.NotFoundException;
import blog.core.moderation.ModerationForbiddenException;
import blog.web.admin.AdminRoutes;
import blog.web.admin.account.AccountRoutes;
import blog.web.admin.moderation.ModerationRoutes;
import blog.web.admin.posts.PostAdminRoutes;
import blog.web.admin.privacy.PrivacyAdminRoutes;
import blog.web.admin.wordpress.WordPressHandlers;
import blog.web.admin.wordpress.WordPressRoutes;
import blog.web.auth.AuthHandlers;
import blog.web.auth.AuthRoutes;
import blog.web.auth.SignInRejected;
import blog.web.federation.FederationRoutes;
import blog.web.feed.FeedRoutes;
import blog.web.http.RefusedBodies;
import blog.web.post.CommentHandlers;
import blog.web.post.CommentRoutes;
import blog.web.privacy.PrivacyRoutes;
import blog.web.security.CsrfFailure;
import blog.web.seo.SitemapRoutes;
import blog.web.site.Avatars;
import blog.web.site.SiteStylesheet;
import blog.web.subscription.SubscriptionRoutes;
import blog.web.theme.BrokenTemplateException;
import blog.web.webmention.WebmentionRoutes;
import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The table of contents of the blog's routes: the request hooks in their order, then each feature's
 * routes (installed by its own {@code XxxRoutes}), then the reading routes whose order matters
 * (fixed paths first, then date-shaped patterns, pages last), and the exception map.
 */
final class Routes {
  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

  private Routes() {}

  static void install(JavalinConfig cfg, WebHandlers h, long maxRequestBytes) {
    cfg.routes.before(h.tracking()::begin);
    cfg.requestLogger.http(h.tracking()::end);
    cfg.routes.before(h.headers()::apply);
    cfg.routes.before(h.discovery().canonical()::host);
    // Refuse oversized bodies before anything reads them (Javalin would only notice on reading).
    cfg.routes.before(
        ctx -> {
          try {
            if (ctx.path().equals(PostAdminRoutes.MEDIA)) {
              h.postAdmin().media().checkBodySize(ctx);
            } else if (ctx.path().equals(WordPressHandlers.PAGE)
                && ctx.method() == HandlerType.POST) {
              h.wordpress().checkBodySize(ctx);
            } else if (ctx.contentLength() > maxRequestBytes) {
              throw new ContentTooLargeResponse("request body too large");
            } else if (ctx.contentLength() < 0 && ctx.header("Transfer-Encoding") != null) {
              // A body of unknown length could only be cut off at the (large) upload ceiling;
              // browsers send forms with a length, so refuse the rest.
              throw new HttpResponseException(411, "length required", Map.of());
            }
          } catch (HttpResponseException refused) {
            RefusedBodies.discard(ctx);
            throw refused;
          }
        });
    cfg.routes.before(h.csrf()::check);
    cfg.routes.before(h.durable()::before);
    // A fediverse server asking for the home page or a permalink as ActivityStreams.
    FederationRoutes.installNegotiation(cfg, h.federation());
    cfg.routes.beforeMatched(h.adminAccess()::check);
    cfg.routes.beforeMatched(h.discovery().canonical()::trailingSlash);
    // Last of the before-handlers: a cached page skips the route's handler.
    cfg.routes.beforeMatched(h.pageCache()::before);
    // First of the after-handlers: nothing is said "saved" before it is in the database file.
    cfg.routes.after(h.durable()::after);
    cfg.routes.after(h.pageCache()::after);

    cfg.routes.get("/healthz", h.health()::live);
    cfg.routes.get("/readyz", h.health()::ready);
    // Before the assets' route, which would take this name too.
    cfg.routes.get(SiteStylesheet.PATH, h.siteStylesheet()::serve);
    cfg.routes.get("/assets/<name>", h.assets()::serve);
    cfg.routes.get("/favicon.ico", h.assets()::favicon);
    cfg.routes.get("/avatar/{key}", Avatars::serve);

    CommentRoutes.install(cfg, h.comments());
    AuthRoutes.install(cfg, h.auth(), h.signIn(), h.logins(), h.emailSignIn(), h.demoSignIn());
    PrivacyRoutes.install(cfg, h.privacy(), h.myComments());
    SubscriptionRoutes.install(cfg, h.subscriptions());

    AdminRoutes.install(cfg, h.admin(), h.passkeyLogin());
    ModerationRoutes.install(cfg, h.moderation());
    AccountRoutes.install(cfg, h.account(), h.staffList());
    PrivacyAdminRoutes.install(cfg, h.privacyAdmin());
    WordPressRoutes.install(cfg, h.wordpress());

    PostAdminRoutes.install(cfg, h.postAdmin(), h.errors());
    FederationRoutes.install(cfg, h.federation(), h.federationAdmin());
    WebmentionRoutes.install(cfg, h.webmention(), h.webmentionAdmin());

    SitemapRoutes.install(cfg, h.discovery().sitemap());
    // Before the date-shaped archives, which would take /feed/atom/ or /comments/feed/ for months.
    FeedRoutes.install(cfg, h.discovery().feeds());

    // The home page, search results (/?s=) and post ids (/?p=; an imported WordPress id first).
    cfg.routes.before("/", h.wordPressLinks()::redirect);
    cfg.routes.get("/", h.discovery().front()::show);
    cfg.routes.get("/page/{page}/", h.discovery().front()::show);
    cfg.routes.get("/category/{slug}/", h.archives()::category);
    cfg.routes.get("/category/{slug}/page/{page}/", h.archives()::category);
    cfg.routes.get("/tag/{slug}/", h.archives()::tag);
    cfg.routes.get("/tag/{slug}/page/{page}/", h.archives()::tag);
    cfg.routes.get("/author/{name}/", h.archives()::author);
    cfg.routes.get("/author/{name}/page/{page}/", h.archives()::author);
    Handler page = h.posts()::page;
    cfg.routes.get("/{year}/", datedOr(h.archives()::year, page));
    cfg.routes.get("/{year}/page/{page}/", datedOr(h.archives()::year, page));
    cfg.routes.get("/{year}/{month}/", datedOr(h.archives()::month, page));
    cfg.routes.get("/{year}/{month}/page/{page}/", datedOr(h.archives()::month, page));
    // After /{year}/page/{page}/, which has as many segments.
    cfg.routes.get("/{year}/{month}/{day}/", datedOr(h.archives()::day, page));
    cfg.routes.get("/{year}/{month}/{day}/page/{page}/", datedOr(h.archives()::day, page));
    cfg.routes.get("/{year}/{month}/{day}/{slug}/", datedOr(h.posts()::single, page));
    cfg.routes.get(
        "/{year}/{month}/{day}/{slug}/comment-page-{cpage}/", datedOr(h.posts()::single, page));
    // Pages (/about/, and WordPress's nested /about/team/): keep this route last.
    cfg.routes.get("/<path>", page);

    cfg.routes.exception(NotFoundException.class, h.errors()::notFound);
    cfg.routes.exception(HttpResponseException.class, h.errors()::httpResponse);
    cfg.routes.exception(ModerationForbiddenException.class, h.errors()::forbidden);
    cfg.routes.exception(SignInRejected.class, h.errors()::signInRejected);
    cfg.routes.exception(BrokenTemplateException.class, h.errors()::brokenTemplate);
    cfg.routes.exception(
        CsrfFailure.class,
        (e, ctx) -> {
          // Refused comment forms come back with their text; other forms (and comment forms
          // naming no post to show them on) get a 403 page.
          boolean shown = false;
          if (ctx.path().equals(CommentHandlers.PATH)
              || ctx.path().equals(AuthHandlers.LOGOUT)
              || (ctx.path().startsWith("/auth/") && ctx.path().endsWith("/start"))) {
            shown = h.comments().csrfFailed(e, ctx);
          } else if (ctx.path().equals(CommentHandlers.EDIT_PATH)) {
            shown = h.comments().csrfFailedEdit(e, ctx);
          }
          if (!shown) {
            h.errors().forbidden(e, ctx);
          }
        });
    cfg.routes.exception(Exception.class, h.errors()::failure);
    cfg.routes.error(404, h.errors()::notFoundPage);
  }

  /**
   * The date-shaped routes also match page addresses ({@code /about/}, {@code /about/team/}): a
   * path whose first segment is no year goes to {@code page}.
   */
  private static Handler datedOr(Handler dated, Handler page) {
    return ctx -> (YEAR.matcher(ctx.pathParam("year")).matches() ? dated : page).handle(ctx);
  }
}
