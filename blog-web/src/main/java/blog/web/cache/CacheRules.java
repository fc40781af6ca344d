package blog.web.cache;

import blog.web.http.ContentNegotiation;
import blog.web.site.Shown;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which requests the page cache may answer, which answers it may keep, and under which key: public
 * pages and feeds for visitors who send no cookie but the browser id, never anything under the
 * private prefixes (admin, log-in, forms, media, the fediverse's documents).
 */
final class CacheRules {
  private static final List<String> PRIVATE_PREFIXES =
      List.of(
          "/admin",
          "/auth/",
          "/comments/",
          "/subscriptions/",
          "/my-comments",
          "/unsubscribe",
          "/media/",
          "/assets/",
          "/avatar/",
          // The fediverse's documents and remote authors' avatars: not pages (an avatar's bytes
          // went through the page's text and came out broken).
          "/federation/",
          // Webmention's endpoint and the avatars it stores.
          "/webmention/",
          "/healthz",
          "/readyz");

  private static final String SITE_COMMENTS_FEED = "/comments/feed/";

  /** Pages, and the feeds (whose readers poll them all day long). */
  private static final Pattern KEPT_TYPES =
      Pattern.compile("text/html|application/rss\\+xml|application/atom\\+xml");

  private static final Set<String> NOT_KEPT_HEADERS =
      Set.of(
          "set-cookie",
          "content-length",
          "date",
          "content-type",
          "transfer-encoding",
          "x-request-id",
          "x-page-cache");

  private CacheRules() {}

  /** Whether a page at {@code path} may be shared at all (not under a private prefix). */
  static boolean sharedPath(String path) {
    if (path == null) {
      return false;
    }
    if (path.startsWith(SITE_COMMENTS_FEED)) {
      return true; // the one public thing under /comments/, where forms are sent
    }
    for (String prefix : PRIVATE_PREFIXES) {
      if (path.startsWith(prefix)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A request whose answer may be shared: a plain GET of a public page, no cookie but the browser
   * id ({@code browserIdCookie}).
   */
  static boolean shareable(Context ctx, String browserIdCookie) {
    if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
      return false;
    }
    if (ContentNegotiation.asksForActivityJson(ctx.header("Accept"))) {
      return false;
    }
    if (!sharedPath(ctx.path())) {
      return false;
    }
    if (ctx.header("Authorization") != null) {
      return false;
    }
    for (String name : ctx.cookieMap().keySet()) {
      if (!name.equals(browserIdCookie)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Only complete pages and feeds that set no cookie but the browser id, and show nothing for this
   * visitor alone ({@link Shown#personal}), are kept.
   */
  static boolean storable(Context ctx, String browserIdCookie) {
    if (ctx.status().getCode() != 200 || Shown.isPersonal(ctx)) {
      return false;
    }
    String type = ctx.res().getContentType();
    if (type == null || !KEPT_TYPES.matcher(type.toLowerCase(Locale.ROOT)).lookingAt()) {
      return false;
    }
    String browserId = browserIdCookie + "=";
    for (String cookie : ctx.res().getHeaders("Set-Cookie")) {
      if (!cookie.startsWith(browserId)) {
        return false;
      }
    }
    return true;
  }

  /** The answer's headers kept with its page (not those made per answer, nor cookies). */
  static Map<String, String> keptHeaders(Context ctx) {
    HttpServletResponse res = ctx.res();
    Map<String, String> kept = new HashMap<>();
    for (String name : res.getHeaderNames()) {
      if (!NOT_KEPT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        kept.put(name, res.getHeader(name));
      }
    }
    return Map.copyOf(kept);
  }

  /**
   * Pages are kept per host as the request named it: a page is only kept after the request passed
   * the canonical-host redirect, and another host name must meet that redirect too.
   */
  static String key(String host, String path, String query) {
    String target = query == null || query.isEmpty() ? path : path + "?" + query;
    return (host == null ? "" : host) + " " + target;
  }
}
