package blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.testing.Slow;
import blog.migrations.Migrations;
import blog.web.testing.AppProcess;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A blog that cannot start says why in one line on standard error, naming what to fix, and exits
 * with a non-zero code, so a service manager reports a failure rather than a crash dump. That
 * includes a database whose migration history this version cannot continue (docs/schema.md).
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

  @Test
  void aMigrationEditedAfterItWasAppliedIsOneLineSayingWhatToDo(@TempDir Path dir)
      throws Exception {
    String url = h2File(dir, "UPDATE \"flyway_schema_history\" SET \"checksum\" = 42");
    try (AppProcess app = AppProcess.launch("edited-migration", env("BLOG_DB_URL", url))) {
      assertEquals(1, app.waitFor(Duration.ofSeconds(60)), app.everything());
      String error = app.errors().strip();
      assertEquals(1, error.lines().count(), error);
      assertTrue(
          error.startsWith(
              "blog: The database's migration history does not match this version's migrations"),
          error);
      assertTrue(error.contains("checksum mismatch for migration version 1"), error);
      assertTrue(error.contains("put the file back as it was released"), error);
      assertNoStackTrace(app);
    }
  }

  @Test
  void aDatabaseFromBeforeTheBaselineIsOneLineSayingWhatToDo(@TempDir Path dir) throws Exception {
    String url =
        h2File(
            dir,
            "UPDATE \"flyway_schema_history\" SET \"script\" = 'V1__create_schema.sql'"
                + " WHERE \"version\" = '1'");
    try (AppProcess app = AppProcess.launch("development-db", env("BLOG_DB_URL", url))) {
      assertEquals(1, app.waitFor(Duration.ofSeconds(60)), app.everything());
      String error = app.errors().strip();
      assertEquals(1, error.lines().count(), error);
      assertTrue(error.startsWith("blog: This database was made by a development version"), error);
      assertTrue(error.contains("'export-wxr'"), error);
      assertTrue(error.contains("docs/schema.md"), error);
      assertNoStackTrace(app);
    }
  }

  /** An H2 file database with the schema, then {@code change} made to it; closed again. */
  private static String h2File(Path dir, String change) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("blog").toAbsolutePath();
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(url);
    h2.setUser("sa");
    Migrations.migrate(h2);
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement()) {
      s.execute(change);
    }
    return url;
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
