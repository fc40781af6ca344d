package blog.web.ops;

import blog.core.config.Config;
import blog.core.config.Declaration;
import blog.core.config.EnvironmentVariable;
import blog.core.config.Parser;
import blog.core.config.Setting;
import java.util.List;
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

  static final Setting<Integer> METRICS_PORT =
      Setting.wholeNumber(
          "metrics.port", null, "serve Prometheus /metrics on this port; 0 picks a free port");
  static final Setting<String> METRICS_HOST =
      Setting.text("metrics.host", "127.0.0.1", "address the metrics port listens on");
  static final Setting<LogFormat> LOG_FORMAT =
      Setting.parsed(
          "log.format",
          Parser.oneOf(OpsSettings::logFormat, "text or json"),
          LogFormat.TEXT,
          "text",
          "text, or json for one JSON object per line");

  /** Read by Logback from the environment (or a system property), never from the file. */
  static final EnvironmentVariable LOG_ACCESS =
      new EnvironmentVariable(
          "BLOG_LOG_ACCESS", "INFO", "level of the access log (logger blog.access); OFF: none");

  /** The keys of metrics and logs, for the catalog of every setting. */
  public static final List<Declaration> DECLARED =
      List.of(METRICS_PORT, METRICS_HOST, LOG_FORMAT, LOG_ACCESS);

  public static OpsSettings from(Config config) {
    int port = METRICS_PORT.readOr(config, OFF);
    if (port != OFF && (port < 0 || port > 65_535)) {
      throw METRICS_PORT.problem("expected 0-65535 but was " + port);
    }
    return new OpsSettings(port, METRICS_HOST.read(config), LOG_FORMAT.read(config));
  }

  private static LogFormat logFormat(String value) {
    try {
      return LogFormat.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public boolean metricsEnabled() {
    return metricsPort != OFF;
  }
}
