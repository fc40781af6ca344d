package blog.web;

import blog.core.config.Config;
import blog.core.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the server listens, the public address it builds absolute links from, and how many threads
 * serve requests ({@code threads}; 0, the default: Javalin's own pool, which grows to 250).
 * Measured on 2 cores with the embedded database, 8 threads answer kept pages 5-8 % faster (fewer
 * thread switches) and take comments faster, but during a flood of comments readers wait behind the
 * writers for a thread: they were answered at a third of the rate of Javalin's pool. Readers come
 * first, so the pool is Javalin's unless configured.
 */
public record ServerSettings(String host, int port, String baseUrl, int threads) {
  public static final int DEFAULT_PORT = 7070;

  /** Fewer threads than this cannot run Jetty's acceptor and selectors and still serve. */
  static final int MIN_THREADS = 8;

  public static ServerSettings from(Config config) {
    int port = config.getInt("port", DEFAULT_PORT);
    if (port < 0 || port > 65_535) {
      throw new ConfigException("port", "expected 0-65535 but was " + port);
    }
    String host = config.get("host", "0.0.0.0");
    String baseUrl =
        config.get("base-url", "http://localhost:" + (port == 0 ? DEFAULT_PORT : port));
    int threads = config.getInt("threads", 0);
    if (threads != 0 && threads < MIN_THREADS) {
      throw new ConfigException(
          "threads",
          "expected 0 (Javalin's pool) or at least " + MIN_THREADS + " but was " + threads);
    }
    return new ServerSettings(host, port, checkedBaseUrl(baseUrl), threads);
  }

  private static String checkedBaseUrl(String value) {
    try {
      URI uri = new URI(value);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new ConfigException("base-url", "expected an http(s) URL but was '" + value + "'");
      }
    } catch (URISyntaxException e) {
      throw new ConfigException("base-url", "not a URL: '" + value + "'");
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }
}
