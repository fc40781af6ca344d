package blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.config.Config;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A misspelt setting would otherwise be ignored in silence: the start names each unknown BLOG_
 * variable and properties key in a WARN line, with the setting that was probably meant, and keeps
 * quiet about the names it knows and those the tests use.
 */
class UnknownSettingsStartTest {
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger appLogger = (Logger) LoggerFactory.getLogger(BlogApp.class);

  @BeforeEach
  void listen() {
    log.start();
    appLogger.addAppender(log);
  }

  @AfterEach
  void stopListening() {
    appLogger.detachAppender(log);
  }

  @Test
  void unknownNamesAreWarnedOfWithTheNearestKnownOne() {
    Map<String, String> file =
        Map.of(
            "db.url", "jdbc:h2:mem:unknown" + UUID.randomUUID().toString().replace("-", ""),
            "host", "127.0.0.1",
            "port", "0",
            "auth.demo.enabled", "false",
            "page-cache.max-byte", "1000");
    Map<String, String> env =
        Map.of(
            "BLOG_PROT", "8080",
            "BLOG_CONFIG", "/etc/blog.properties",
            "BLOG_LOG_ACCESS", "OFF",
            "BLOG_TEST_STRICT_TEMPLATES", "true",
            "BLOG_TEST_PG_URL", "jdbc:postgresql://127.0.0.1/blog_test",
            "BLOG_DB_POOL_SIZE", "4",
            "PATH", "/usr/bin");
    try (BlogApp app = BlogApp.start(new Config(file, env), Clock.systemUTC())) {
      assertTrue(app.port() > 0, "the blog starts all the same");
      List<String> warnings =
          log.list.stream()
              .filter(event -> event.getLevel() == Level.WARN)
              .map(ILoggingEvent::getFormattedMessage)
              .filter(message -> message.startsWith("Unknown setting"))
              .toList();
      assertEquals(
          List.of(
              "Unknown setting BLOG_PROT; did you mean BLOG_PORT (port)?",
              "Unknown setting page-cache.max-byte; did you mean page-cache.max-bytes"
                  + " (BLOG_PAGE_CACHE_MAX_BYTES)?"),
          warnings);
    }
  }
}
