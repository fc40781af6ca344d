package blog.web.security;

/** The header and cookie walk on a blog served over plain http: no HSTS, no {@code __Host-}. */
class HttpHeadersTest extends HeaderWalk {
  @Override
  boolean https() {
    return false;
  }
}
