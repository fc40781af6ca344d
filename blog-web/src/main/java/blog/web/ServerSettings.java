package blog.web;

import blog.core.config.Config;
import blog.core.config.Declaration;
import blog.core.config.Setting;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

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

  static final Setting<Integer> PORT =
      Setting.wholeNumber("port", DEFAULT_PORT, "HTTP port, 0 to 65535; 0 picks a free port");
  static final Setting<String> HOST = Setting.text("host", "0.0.0.0", "address to listen on");
  static final Setting<String> BASE_URL =
      Setting.text(
              "base-url",
              null,
              "the public http(s) address, for absolute links, callbacks and the Origin check")
          .defaultShownAs("http://localhost:<port>");
  static final Setting<Integer> THREADS =
      Setting.wholeNumber(
          "threads", 0, "request threads: 0 for Javalin's pool, else at least " + MIN_THREADS);
  static final Setting<String> TRUSTED_PROXIES =
      Setting.text(
          "trusted-proxies", "", "comma-separated proxy IPs whose X-Forwarded-For is believed");

  /** The server's keys, for the catalog of every setting. */
  static final List<Declaration> DECLARED = List.of(PORT, HOST, BASE_URL, THREADS, TRUSTED_PROXIES);

  public static ServerSettings from(Config config) {
    int port = PORT.read(config);
    if (port < 0 || port > 65_535) {
      throw PORT.problem("expected 0-65535 but was " + port);
    }
    String host = HOST.read(config);
    String baseUrl =
        BASE_URL.readOr(config, "http://localhost:" + (port == 0 ? DEFAULT_PORT : port));
    int threads = THREADS.read(config);
    if (threads != 0 && threads < MIN_THREADS) {
      throw THREADS.problem(
          "expected 0 (Javalin's pool) or at least " + MIN_THREADS + " but was " + threads);
    }
    return new ServerSettings(host, port, checkedBaseUrl(baseUrl), threads);
  }

  private static String checkedBaseUrl(String value) {
    try {
      URI uri = new URI(value);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw BASE_URL.problem("expected an http(s) URL but was '" + value + "'");
      }
    } catch (URISyntaxException e) {
      throw BASE_URL.problem("not a URL: '" + value + "'");
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }
}
