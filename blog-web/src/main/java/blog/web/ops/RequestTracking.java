package blog.web.ops;

import blog.web.security.ClientAddress;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id, and records it when it is answered. The id comes from a trusted
 * proxy's {@code X-Request-Id} (so a request can be followed from nginx into the blog) or is made
 * here; it goes into every log line written while the request is served (MDC key {@value #MDC_KEY})
 * and back to the client in the response header. When the request ends it is counted per route and
 * written as one access-log line (logger {@code blog.access}), without the query string, which may
 * carry tokens.
 */
public final class RequestTracking {
  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";

  /** Route label for requests that matched no route: raw paths would make unbounded series. */
  static final String UNMATCHED = "unmatched";

  private static final Pattern ACCEPTED_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final Logger ACCESS = LoggerFactory.getLogger("blog.access");

  private final ClientAddress clientAddress;
  private final Metrics metrics;

  public RequestTracking(ClientAddress clientAddress, Metrics metrics) {
    this.clientAddress = clientAddress;
    this.metrics = metrics;
  }

  /** Before everything else. */
  public void begin(Context ctx) {
    String id = requestId(ctx.header(HEADER), clientAddress.fromTrustedProxy(ctx));
    MDC.put(MDC_KEY, id);
    ctx.attribute(MDC_KEY, id);
    ctx.header(HEADER, id);
  }

  /** A trusted proxy's request id when it sent a well-formed one, else a new id. */
  public String requestId(String incoming, boolean fromTrustedProxy) {
    return incoming != null && fromTrustedProxy && ACCEPTED_ID.matcher(incoming).matches()
        ? incoming
        : newId();
  }

  /** Javalin's request logger: after the response, errors included. */
  public void end(Context ctx, Float millis) {
    // The MDC may be gone when Javalin logs from another thread; the attribute is not.
    String id = ctx.attribute(MDC_KEY);
    String client = ACCESS.isInfoEnabled() ? clientAddress.of(ctx) : null;
    record(ctx.method().name(), ctx.path(), ctx.statusCode(), millis, route(ctx), client, id);
  }

  /**
   * Counts an answered request and writes its access-log line; also for answers made outside
   * Javalin (cached pages). {@code client} may be null when the access log is off.
   */
  public void record(
      String method,
      String path,
      int status,
      float millis,
      String route,
      String client,
      String id) {
    try {
      metrics.request(method, route, status, Duration.ofNanos((long) (millis * 1_000_000L)));
      if (ACCESS.isInfoEnabled()) {
        if (id != null) {
          MDC.put(MDC_KEY, id);
        }
        ACCESS.info(
            "{} {} {} {} ms (route {}, client {})",
            method,
            path,
            status,
            String.format(Locale.ROOT, "%.1f", millis),
            route,
            client);
      }
    } finally {
      MDC.remove(MDC_KEY);
    }
  }

  /** Whether access-log lines are written (they need the client's address). */
  public boolean logging() {
    return ACCESS.isInfoEnabled();
  }

  /** The matched route's pattern, the label requests are counted under. */
  public static String route(Context ctx) {
    Endpoint matched;
    try {
      matched = ctx.endpoints().matchedHttpEndpoint();
    } catch (RuntimeException e) {
      matched = null;
    }
    return matched == null ? UNMATCHED : matched.path;
  }

  private static String newId() {
    byte[] bytes = new byte[8];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
