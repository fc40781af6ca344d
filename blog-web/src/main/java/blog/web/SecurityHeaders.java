package blog.web;

import io.javalin.http.Context;

/**
 * Headers every response carries, error pages included. The policy allows no inline script and no
 * plugins; images may come from https hosts because commenters' avatars from log-in providers do.
 */
final class SecurityHeaders {
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

  SecurityHeaders(boolean https) {
    this.https = https;
  }

  void apply(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
    ctx.header("X-Frame-Options", "DENY");
    if (https) {
      ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
  }
}
