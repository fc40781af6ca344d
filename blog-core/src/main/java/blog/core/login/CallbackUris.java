package blog.core.login;

import java.net.URI;
import java.util.Locale;

/** Checks on the callback URI the caller hands to {@link LoginProvider}. */
final class CallbackUris {
  private CallbackUris() {}

  /** An absolute http(s) URI with a host and no fragment, as providers require. */
  static URI requireValid(URI callbackUri) {
    if (callbackUri == null
        || !callbackUri.isAbsolute()
        || callbackUri.getHost() == null
        || callbackUri.getRawFragment() != null
        || !isWebScheme(callbackUri.getScheme())) {
      throw new IllegalArgumentException(
          "callbackUri must be an absolute http(s) URI without fragment: " + callbackUri);
    }
    return callbackUri;
  }

  /** The token request must repeat the authorization request's redirect URI exactly. */
  static void requireSame(URI callbackUri, AuthorizationRequest started) {
    if (!started.callbackUri().equals(callbackUri)) {
      throw new IllegalArgumentException(
          "callbackUri " + callbackUri + " is not the one the log-in was started with");
    }
  }

  private static boolean isWebScheme(String scheme) {
    String s = scheme.toLowerCase(Locale.ROOT);
    return s.equals("https") || s.equals("http");
  }
}
