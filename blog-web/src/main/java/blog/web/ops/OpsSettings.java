package blog.web.ops;

import blog.core.config.Config;
import blog.core.config.ConfigException;
import java.util.Locale;

/**
 * How the blog is watched: where {@code /metrics} listens ({@code metrics.port}, off unless set;
 * {@code metrics.host}, loopback unless set) and how log lines look ({@code log.format}).
 */
public record OpsSettings(int metricsPort, String metricsHost, LogFormat logFormat) {
  /** {@code metrics.port} when metrics are not served. */
  public static final int OFF = -1;

  /** Plain lines for people, or one JSON object per line for log collectors. */
  public enum LogFormat {
    TEXT,
    JSON
  }

  public static OpsSettings from(Config config) {
    int port = config.getInt("metrics.port", OFF);
    if (port != OFF && (port < 0 || port > 65_535)) {
      throw new ConfigException("metrics.port", "expected 0-65535 but was " + port);
    }
    String format = config.get("log.format", "text").toUpperCase(Locale.ROOT);
    LogFormat logFormat;
    try {
      logFormat = LogFormat.valueOf(format);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "log.format", "expected text or json but was '" + config.get("log.format", "") + "'");
    }
    return new OpsSettings(port, config.get("metrics.host", "127.0.0.1"), logFormat);
  }

  public boolean metricsEnabled() {
    return metricsPort != OFF;
  }
}
