package blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.testing.Slow;
import blog.web.testing.AppProcess;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A blog that cannot start says why in one line on standard error, naming what to fix, and exits
 * with a non-zero code, so a service manager reports a failure rather than a crash dump.
 */
@Slow
class StartupErrorTest {
  @Test
  void anUnreachableDatabaseIsOneLineNamingItsKeys() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/blog?password=hunter2";
    try (AppProcess app = AppProcess.launch("no-db", env("BLOG_DB_URL", url))) {
      assertEquals(1, app.waitFor(Duration.ofSeconds(30)), app.everything());
      String error = app.errors().strip();
      assertEquals(1, error.lines().count(), error);
      assertTrue(
          error.startsWith(
              "blog: Cannot connect to the database at jdbc:postgresql://127.0.0.1:" + closedPort),
          error);
      assertTrue(error.contains("refused"), error);
      assertTrue(error.contains("BLOG_DB_URL"), error);
      assertFalse(error.contains("hunter2"), "no password in the message: " + error);
      assertNoStackTrace(app);
    }
  }

  @Test
  void aWrongValueIsOneLineNamingTheKey() {
    try (AppProcess app = AppProcess.launch("bad-port", env("BLOG_PORT", "seventy"))) {
      assertEquals(1, app.waitFor(Duration.ofSeconds(30)), app.everything());
      assertEquals(
          "blog: Configuration key port (BLOG_PORT): expected a whole number but was 'seventy'",
          app.errors().strip());
      assertNoStackTrace(app);
    }
  }

  @Test
  void anUnknownLogFormatIsOneLineNamingTheKey() {
    try (AppProcess app = AppProcess.launch("bad-log", env("BLOG_LOG_FORMAT", "xml"))) {
      assertEquals(1, app.waitFor(Duration.ofSeconds(30)), app.everything());
      assertEquals(
          "blog: Configuration key log.format (BLOG_LOG_FORMAT): expected text or json but was"
              + " 'xml'",
          app.errors().strip());
    }
  }

  private static Map<String, String> env(String key, String value) {
    Map<String, String> env = new HashMap<>();
    env.put("BLOG_DB_URL", "jdbc:h2:mem:startup;DB_CLOSE_DELAY=-1");
    env.put("BLOG_HOST", "127.0.0.1");
    env.put("BLOG_PORT", "0");
    env.put("BLOG_AUTH_DEMO_ENABLED", "false");
    env.put(key, value);
    return env;
  }

  private static void assertNoStackTrace(AppProcess app) {
    String all = app.output() + app.errors();
    assertFalse(all.contains("\tat "), "no stack trace:\n" + all);
  }
}
