package blog.web.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headers every response carries, error pages included. The policy allows no inline script and no
 * plugins; images may come from https hosts because commenters' avatars from log-in providers do.
 */
public final class SecurityHeaders {
  static final String CONTENT_SECURITY_POLICY =
      String.join(
          "; ",
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' https: data:",
          "object-src 'none'",
          "base-uri 'none'",
          "form-action 'self'",
          "frame-ancestors 'none'");

  private final boolean https;

  public SecurityHeaders(boolean https) {
    this.https = https;
  }

  public void apply(Context ctx) {
    values().forEach(ctx::header);
  }

  /** The headers and their values, also for the answers Jetty gives before any handler runs. */
  public Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    values.put("X-Content-Type-Options", "nosniff");
    values.put("Referrer-Policy", "strict-origin-when-cross-origin");
    values.put("X-Frame-Options", "DENY");
    if (https) {
      values.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    return values;
  }
}
