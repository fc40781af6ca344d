package blog.web.cache;

import blog.web.http.ContentNegotiation;
import blog.web.ops.RequestTracking;
import blog.web.security.ClientAddress;
import blog.web.security.Csrf;
import blog.web.site.ConditionalGet;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * Answers page-cache hits in Jetty, ahead of Javalin: a reader's page that is kept costs a lookup,
 * the visitor's tokens and one write, not a trip through the routing, the before-handlers and the
 * servlet layer (about three times the throughput). It gives exactly the answer the Javalin path
 * would: the kept headers (security headers included), a request id, the visitor's own CSRF and
 * form tokens (and a browser-id cookie for a first visit), gzip when asked for, and the request
 * counted and logged under its route. Whatever it is not sure about — a request with any other
 * cookie or an {@code Authorization} header, a private path, a page not kept or stale, a database
 * it cannot ask — goes on to Javalin unchanged.
 */
public final class FastHits extends Handler.Wrapper {
  /** Smaller answers are not worth compressing (Javalin's own threshold). */
  private static final int MIN_GZIP_BYTES = 1500;

  private final PageCache cache;
  private final ClientAddress clients;
  private final RequestTracking tracking;
  private final Csrf csrf;
  private final String browserIdCookie;

  public FastHits(PageCache cache, Csrf csrf, ClientAddress clients, RequestTracking tracking) {
    this.cache = cache;
    this.csrf = csrf;
    this.clients = clients;
    this.tracking = tracking;
    this.browserIdCookie = cache.browserIdCookie();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long started = System.nanoTime();
    String method = request.getMethod();
    boolean head = "HEAD".equals(method);
    if (!head && !"GET".equals(method)) {
      return super.handle(request, response, callback);
    }
    HttpFields headers = request.getHeaders();
    if (headers.contains(HttpHeader.AUTHORIZATION)
        || ContentNegotiation.asksForActivityJson(headers.get(HttpHeader.ACCEPT))) {
      return super.handle(request, response, callback);
    }
    String browserCookie = null;
    List<HttpCookie> cookies = Request.getCookies(request);
    for (HttpCookie cookie : cookies) {
      if (!cookie.getName().equals(browserIdCookie)) {
        return super.handle(request, response, callback);
      }
      browserCookie = cookie.getValue();
    }
    HttpURI uri = request.getHttpURI();
    Optional<PageCache.Found> found;
    try {
      found = cache.current(headers.get(HttpHeader.HOST), uri.getPath(), uri.getQuery());
    } catch (RuntimeException databaseAway) {
      // Exact mode asks the database for its version; without it, Javalin draws the 503 page.
      return super.handle(request, response, callback);
    }
    if (found.isEmpty()) {
      return super.handle(request, response, callback);
    }
    PageCache.Entry entry = found.get().entry();

    String peer = Request.getRemoteAddr(request);
    String id =
        tracking.requestId(headers.get(RequestTracking.HEADER), clients.isTrustedProxy(peer));
    String sentId = browserCookie;
    String[] issued = new String[1];
    Supplier<String> csrfToken =
        () -> {
          // Only pages with a form need the browser's id (and a first visit a new one).
          String browserId =
              csrf.browserIdFromCookie(sentId)
                  .orElseGet(
                      () -> {
                        issued[0] = csrf.newBrowserId();
                        return issued[0];
                      });
          return csrf.tokenFor(browserId);
        };
    HttpFields.Mutable out = response.getHeaders();
    entry.headers().forEach(out::put);
    out.put(RequestTracking.HEADER, id);
    out.put(PageCache.HEADER, found.get().header());
    // Only feeds carry validators, and they have no tokens: a 304 needs no body built.
    if (ConditionalGet.notModified(
        headers.get(HttpHeader.IF_NONE_MATCH),
        headers.get(HttpHeader.IF_MODIFIED_SINCE),
        entry.headers())) {
      response.setStatus(304);
      response.write(true, BufferUtil.EMPTY_BUFFER, callback);
      record(method, uri, 304, started, entry, peer, headers, id);
      return true;
    }
    boolean gzip =
        entry.page().length() >= MIN_GZIP_BYTES
            && acceptsGzip(headers.get(HttpHeader.ACCEPT_ENCODING));
    List<ByteBuffer> parts =
        gzip ? cache.gzipParts(entry.page(), csrfToken) : cache.parts(entry.page(), csrfToken);
    long length = 0;
    for (ByteBuffer part : parts) {
      length += part.remaining();
    }
    Callback done = callback;
    if (parts.size() > 1 && length < CachedPage.WRITTEN_IN_PARTS && !head) {
      // A small answer is copied into one buffer: one write, where the parts would cost several.
      // The buffer is the server's pooled, direct kind (given back once written): a fresh heap
      // array a hit was garbage at tens of MB/s, and the socket copied it once more to write it.
      RetainableByteBuffer.Mutable pooled =
          request.getComponents().getByteBufferPool().acquire((int) length, true);
      ByteBuffer joined = pooled.getByteBuffer();
      BufferUtil.clearToFill(joined);
      parts.forEach(joined::put);
      joined.flip();
      parts = List.of(joined);
      done = Callback.from(pooled::release, callback);
    }

    if (issued[0] != null) {
      out.add(HttpHeader.SET_COOKIE, csrf.browserIdCookie(issued[0]));
    }
    out.put(HttpHeader.CONTENT_TYPE, entry.contentType());
    if (gzip) {
      out.put(HttpHeader.CONTENT_ENCODING, "gzip");
      // Added to what the kept page varies on (the home page and permalinks vary on Accept).
      String vary = out.get(HttpHeader.VARY);
      out.put(HttpHeader.VARY, vary == null ? "Accept-Encoding" : vary + ", Accept-Encoding");
    }
    out.put(HttpHeader.CONTENT_LENGTH, Long.toString(length));
    response.setStatus(200);
    if (head) {
      response.write(true, BufferUtil.EMPTY_BUFFER, callback);
    } else {
      writeAll(response, parts, done);
    }

    record(method, uri, 200, started, entry, peer, headers, id);
    return true;
  }

  private void record(
      String method,
      HttpURI uri,
      int status,
      long started,
      PageCache.Entry entry,
      String peer,
      HttpFields headers,
      String id) {
    float millis = (System.nanoTime() - started) / 1_000_000f;
    String client = tracking.logging() ? clients.of(peer, headers.get("X-Forwarded-For")) : null;
    tracking.record(method, uri.getPath(), status, millis, entry.route(), client, id);
  }

  /** Writes the buffers in order, the last one ending the answer; then {@code done}. */
  private static void writeAll(Response response, List<ByteBuffer> parts, Callback done) {
    if (parts.size() == 1) {
      response.write(true, parts.get(0), done);
      return;
    }
    new IteratingCallback() {
      private int next;

      @Override
      protected Action process() {
        if (next == parts.size()) {
          return Action.SUCCEEDED;
        }
        ByteBuffer part = parts.get(next++);
        response.write(next == parts.size(), part, this);
        return Action.SCHEDULED;
      }

      @Override
      protected void onCompleteSuccess() {
        done.succeeded();
      }

      @Override
      protected void onCompleteFailure(Throwable cause) {
        done.failed(cause);
      }
    }.iterate();
  }

  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] pieces = part.split(";");
      if (!pieces[0].strip().equalsIgnoreCase("gzip")) {
        continue;
      }
      for (int i = 1; i < pieces.length; i++) {
        String parameter = pieces[i].strip().toLowerCase(Locale.ROOT).replace(" ", "");
        if (parameter.matches("q=0(\\.0*)?")) {
          return false;
        }
      }
      return true;
    }
    return false;
  }
}
