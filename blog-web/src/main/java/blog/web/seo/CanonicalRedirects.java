package blog.web.seo;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.router.Endpoint;
import java.net.URI;
import java.util.Locale;

/**
 * Moves readers and search engines to a page's one address with a 301, as WordPress's canonical
 * redirects do: a request for the configured host with or without {@code www.} goes to the
 * configured host, and a public page asked for without its trailing slash ({@code
 * /2011/09/14/slug}) to the address with it, query string kept. Only GET and HEAD move: a form's
 * POST would lose its body.
 */
public final class CanonicalRedirects {
  private final String base;
  private final String host;

  /** {@code baseUrl}: the configured public address, without a trailing slash. */
  public CanonicalRedirects(String baseUrl) {
    this.base = baseUrl;
    this.host = URI.create(baseUrl).getHost().toLowerCase(Locale.ROOT);
  }

  /** A before-handler for every request. */
  public void host(Context ctx) {
    if (!readOnly(ctx)) {
      return;
    }
    String requested = hostName(ctx.header("Host"));
    if (requested == null || requested.equals(host)) {
      return;
    }
    if (requested.equals("www." + host) || host.equals("www." + requested)) {
      ctx.redirect(base + ctx.path() + query(ctx), HttpStatus.MOVED_PERMANENTLY);
      ctx.skipRemainingHandlers();
    }
  }

  /**
   * A before-matched handler: the route's path ends in "/" (all public pages do; the admin's, the
   * assets' and the form targets' do not), the request's does not.
   */
  public void trailingSlash(Context ctx) {
    if (!readOnly(ctx) || ctx.path().endsWith("/")) {
      return;
    }
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint != null && endpoint.path.endsWith("/") && endpoint.path.length() > 1) {
      ctx.redirect(ctx.path() + "/" + query(ctx), HttpStatus.MOVED_PERMANENTLY);
      ctx.skipRemainingHandlers();
    }
  }

  private static boolean readOnly(Context ctx) {
    return ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
  }

  private static String query(Context ctx) {
    String query = ctx.queryString();
    return query == null || query.isEmpty() ? "" : "?" + query;
  }

  /** The host of a Host header, lower-cased, without its port; null when absent or odd. */
  static String hostName(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String h = header.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? null : h.substring(0, end + 1);
    }
    int colon = h.indexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }
}
