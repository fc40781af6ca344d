package blog.core.login;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;

/** Which provider URLs the blog will talk to: https, or plain http to this machine only. */
final class ProviderUris {
  private ProviderUris() {}

  static boolean acceptable(URI uri) {
    if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawFragment() != null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("https") || (scheme.equals("http") && isLoopback(uri.getHost()));
  }

  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost")) {
      return true;
    }
    boolean literal =
        h.startsWith("[") || h.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    if (!literal) {
      return false; // never resolve a name here: only literal loopback addresses count
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
