package blog.web.security;

import java.util.Map;

/**
 * The header and cookie walk on a blog whose base-url is https (TLS ends at a proxy in front of
 * it): HSTS on every answer, cookies Secure with the {@code __Host-} prefix.
 */
class HttpsHeadersTest extends HeaderWalk {
  @Override
  boolean https() {
    return true;
  }

  @Override
  protected Map<String, String> config() {
    return Map.of("base-url", "https://blog.example");
  }
}
