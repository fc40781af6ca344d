package blog.web;

import blog.core.config.Config;
import blog.core.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;

/** Where the server listens and the public address it builds absolute links from. */
public record ServerSettings(String host, int port, String baseUrl) {
  public static final int DEFAULT_PORT = 7070;

  public static ServerSettings from(Config config) {
    int port = config.getInt("port", DEFAULT_PORT);
    if (port < 0 || port > 65_535) {
      throw new ConfigException("port", "expected 0-65535 but was " + port);
    }
    String host = config.get("host", "0.0.0.0");
    String baseUrl =
        config.get("base-url", "http://localhost:" + (port == 0 ? DEFAULT_PORT : port));
    return new ServerSettings(host, port, checkedBaseUrl(baseUrl));
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
