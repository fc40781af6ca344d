package blog.core.login;

import java.net.URI;

/**
 * Where a provider's authorization, token and user-info endpoints are. In overrides any of them may
 * be null, meaning "keep the default".
 */
record Endpoints(URI authorization, URI token, URI userInfo) {
  static final Endpoints NONE = new Endpoints(null, null, null);

  /** These endpoints with each non-null one of {@code overrides} in its place. */
  Endpoints overriddenBy(Endpoints overrides) {
    return new Endpoints(
        overrides.authorization != null ? overrides.authorization : authorization,
        overrides.token != null ? overrides.token : token,
        overrides.userInfo != null ? overrides.userInfo : userInfo);
  }
}
