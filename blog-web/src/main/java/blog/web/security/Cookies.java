package blog.web.security;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The blog's cookies, set one way: HttpOnly, SameSite=Lax, path /, and Secure with the {@code
 * __Host-} prefix when the site is served over https. Values are base64url, so any text survives
 * the trip.
 */
public final class Cookies {
  private final boolean https;

  public Cookies(boolean https) {
    this.https = https;
  }

  public String name(String base) {
    return https ? "__Host-" + base : base;
  }

  /** A cookie that lasts {@code maxAgeSeconds}, or for the browser session when negative. */
  public void set(Context ctx, String base, String value, int maxAgeSeconds) {
    ctx.cookie(
        new Cookie(
            name(base),
            Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(value.getBytes(StandardCharsets.UTF_8)),
            "/",
            maxAgeSeconds,
            https,
            true,
            null,
            SameSite.LAX));
  }

  public void clear(Context ctx, String base) {
    ctx.cookie(new Cookie(name(base), "", "/", 0, https, true, null, SameSite.LAX));
  }

  public Optional<String> get(Context ctx, String base) {
    return decode(ctx.cookie(name(base)));
  }

  /** A cookie's value as sent by the browser, decoded; empty when missing or garbled. */
  public static Optional<String> decode(String raw) {
    if (raw == null || raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The {@code Set-Cookie} header value for a browser-session cookie, with the same attributes as
   * {@link #set}: for answers written outside Javalin (cached pages served by Jetty directly).
   */
  public String sessionCookieHeader(String base, String value) {
    return name(base)
        + "="
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(value.getBytes(StandardCharsets.UTF_8))
        + "; Path=/"
        + (https ? "; Secure" : "")
        + "; HttpOnly; SameSite=Lax";
  }
}
