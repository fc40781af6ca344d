package blog.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.testing.DbKind;
import blog.core.testing.Fixtures;
import blog.core.testing.Slow;
import blog.core.testing.TestDatabase;
import blog.core.wxr.ImportProgress;
import blog.core.wxr.WxrImporter;
import blog.migrations.Migrations;
import java.io.File;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup restored into an empty database is the same database, row for row: H2 through the blog's
 * own backup and restore, PostgreSQL through the pg_dump and pg_restore commands the blog
 * documents.
 */
class DatabaseBackupTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  @Test
  void aBackupRestoredIntoAnEmptyDatabaseHasTheSameRowsAndContent(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("blog-backup.sql");
    try (TestDatabase original = TestDatabase.create(DbKind.H2);
        TestDatabase copy = TestDatabase.createEmpty(DbKind.H2)) {
      fill(original);
      new DatabaseBackup(original.database().dataSource(), original.settings()).backup(file);

      DatabaseBackup restore = new DatabaseBackup(copy.database().dataSource(), copy.settings());
      assertEquals(0, restore.tableCount());
      restore.restore(file);

      Map<String, String> before = fingerprint(original.database().dataSource());
      Map<String, String> after = fingerprint(copy.database().dataSource());
      assertTrue(before.get("POSTS").startsWith("80 rows"), before.get("POSTS"));
      assertTrue(before.get("COMMENTS").startsWith("33 rows"), before.get("COMMENTS"));
      assertEquals(before, after);
      // The schema needs nothing more, and new rows get new ids.
      assertEquals(0, Migrations.migrate(copy.database().dataSource()));
      Fixtures fixtures = new Fixtures(copy.database().jdbi());
      long id =
          fixtures.post(fixtures.author("New"), "After the restore", PostStatus.PUBLISHED, NOW);
      assertTrue(id > maxPostId(original.database().dataSource()));
    }
  }

  @Test
  void aBackupCutOffAnywhereOrChangedIsRefusedAndRestoresNothing(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("blog-backup.sql");
    try (TestDatabase original = TestDatabase.create(DbKind.H2);
        TestDatabase copy = TestDatabase.createEmpty(DbKind.H2)) {
      fill(original);
      new DatabaseBackup(original.database().dataSource(), original.settings()).backup(file);
      assertTrue(Files.notExists(dir.resolve("blog-backup.sql.partial")), "renamed when sealed");
      byte[] whole = Files.readAllBytes(file);
      String text = new String(whole, StandardCharsets.UTF_8);
      List<Integer> cuts = new ArrayList<>(List.of(0, whole.length / 2, whole.length - 1));
      // Cut right after a whole statement, as a crash between two writes would.
      cuts.add(text.lastIndexOf(";\n", text.indexOf("-- blog backup complete")) + 2);
      cuts.add(text.indexOf("-- blog backup complete"));
      DatabaseBackup restore = new DatabaseBackup(copy.database().dataSource(), copy.settings());
      for (int cut : cuts) {
        Path partial = dir.resolve("cut-" + cut + ".sql");
        Files.write(partial, java.util.Arrays.copyOf(whole, cut));
        DatabaseBackup.Refused e =
            assertThrows(DatabaseBackup.Refused.class, () -> restore.restore(partial));
        assertTrue(e.getMessage().contains("is incomplete"), e.getMessage());
      }
      byte[] changed = whole.clone();
      changed[whole.length / 3] ^= 1;
      Path tampered = dir.resolve("changed.sql");
      Files.write(tampered, changed);
      assertThrows(DatabaseBackup.Refused.class, () -> restore.restore(tampered));
      assertEquals(0, restore.tableCount(), "nothing was restored");
      restore.restore(file);
      assertEquals(
          fingerprint(original.database().dataSource()), fingerprint(copy.database().dataSource()));
    }
  }

  @Test
  void aRestoreIntoADatabaseWithTablesIsRefused(@TempDir Path dir) {
    Path file = dir.resolve("backup.sql");
    try (TestDatabase original = TestDatabase.create(DbKind.H2);
        TestDatabase target = TestDatabase.create(DbKind.H2)) {
      new DatabaseBackup(original.database().dataSource(), original.settings()).backup(file);
      DatabaseBackup.Refused e =
          assertThrows(
              DatabaseBackup.Refused.class,
              () ->
                  new DatabaseBackup(target.database().dataSource(), target.settings())
                      .restore(file));
      assertTrue(e.getMessage().contains("is not empty"), e.getMessage());
      assertThrows(
          DatabaseBackup.Refused.class,
          () ->
              new DatabaseBackup(target.database().dataSource(), target.settings())
                  .restore(dir.resolve("missing.sql")));
    }
  }

  @Test
  void postgresIsBackedUpWithPgDump(@TempDir Path dir) {
    DatabaseSettings pg =
        new DatabaseSettings("jdbc:postgresql://db.internal:5433/blog?ssl=true", "blog", "x", 1);
    DatabaseBackup backup = new DatabaseBackup(null, pg);
    DatabaseBackup.Refused e =
        assertThrows(DatabaseBackup.Refused.class, () -> backup.backup(dir.resolve("b.sql")));
    assertTrue(
        e.getMessage()
            .contains(
                "pg_dump --format=custom --no-owner --file="
                    + dir.resolve("b.sql")
                    + " --host=db.internal"
                    + " --port=5433 --username=blog blog"),
        e.getMessage());
    assertTrue(e.getMessage().contains("pg_restore"), e.getMessage());
    assertThrows(DatabaseBackup.Refused.class, () -> backup.restore(dir.resolve("b.sql")));
  }

  @Test
  @Slow
  void aPostgresBackupMadeAndRestoredWithTheDocumentedCommandsHasTheSameRowsAndContent(
      @TempDir Path dir) throws Exception {
    TestDatabase.requirePostgres();
    requirePgTools();
    Path file = dir.resolve("blog.dump");
    String restoredName = "restore_" + Long.toHexString(System.nanoTime());
    try (TestDatabase original = TestDatabase.create(DbKind.POSTGRES)) {
      fill(original);
      DatabaseBackup backup = new DatabaseBackup(null, original.settings());
      String advice = backup.postgresAdvice("backup", file.toString());
      List<String> dump = backup.pgDumpCommand(file);
      List<String> restore = backup.pgRestoreCommand(restoredName, file);
      assertTrue(advice.contains(String.join(" ", dump)), advice);
      assertTrue(
          advice.contains(String.join(" ", restore).replace(restoredName, "<new database>")));

      run(dump);
      adminExecute("CREATE DATABASE " + restoredName);
      try {
        run(restore);
        URI url = URI.create(original.settings().url().substring("jdbc:".length()));
        String restoredUrl =
            "jdbc:postgresql://"
                + url.getHost()
                + ":"
                + url.getPort()
                + "/"
                + restoredName
                + "?"
                + url.getQuery();
        try (Database restored =
            Database.open(
                new DatabaseSettings(
                    restoredUrl, original.settings().user(), original.settings().password(), 2))) {
          Map<String, String> before = fingerprint(original.database().dataSource());
          Map<String, String> after = fingerprint(restored.dataSource());
          assertTrue(before.get("posts").startsWith("80 rows"), before.get("posts"));
          assertTrue(before.get("comments").startsWith("33 rows"), before.get("comments"));
          assertEquals(before, after);
          assertEquals(0, Migrations.migrate(restored.dataSource()), "nothing left to migrate");
          Fixtures fixtures = new Fixtures(restored.jdbi());
          long id =
              fixtures.post(fixtures.author("New"), "After the restore", PostStatus.PUBLISHED, NOW);
          assertTrue(id > maxPostId(original.database().dataSource()), "sequences came along");
        }
      } finally {
        adminExecute("DROP DATABASE IF EXISTS " + restoredName + " WITH (FORCE)");
      }
    }
  }

  /** pg_dump and pg_restore come with PostgreSQL's client package; CI has them. */
  private static void requirePgTools() {
    for (String tool : List.of("pg_dump", "pg_restore")) {
      boolean found =
          Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
              .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
      if (!found && "true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(tool + " is not on the PATH (required under CI=true)");
      }
      Assumptions.assumeTrue(found, tool + " is not on the PATH: skipping the pg_dump round trip");
    }
  }

  /** Runs a command as an operator would, the password (if any) in PGPASSWORD. */
  private static void run(List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (!TestDatabase.PG_PASSWORD.isEmpty()) {
      builder.environment().put("PGPASSWORD", TestDatabase.PG_PASSWORD);
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", command));
    assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + output);
  }

  private static void adminExecute(String sql) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                TestDatabase.PG_URL, TestDatabase.PG_USER, TestDatabase.PG_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static void fill(TestDatabase db) throws Exception {
    var jdbi = db.database().jdbi();
    new SettingsRepository(jdbi).putAll(Map.of("site.title", "Backed up — ünïcödé"));
    WxrImporter importer = WxrImporter.of(db.database(), Clock.fixed(NOW, ZoneOffset.UTC));
    try (InputStream in =
        DatabaseBackupTest.class.getResourceAsStream("/wxr/theme-unit-test-data.xml")) {
      importer.importFrom(in, -1, ImportProgress.NONE);
    }
    Fixtures fixtures = new Fixtures(jdbi);
    fixtures.post(fixtures.author("Local"), "Written here", PostStatus.PUBLISHED, NOW);
  }

  private static long maxPostId(DataSource ds) throws Exception {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(id) FROM posts")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Per table: row count and a SHA-256 over its rows (sorted, so order does not matter). */
  private static Map<String, String> fingerprint(DataSource ds) throws Exception {
    Map<String, String> result = new TreeMap<>();
    try (Connection c = ds.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", null)) {
        while (rs.next()) {
          if (rs.getString("TABLE_TYPE").contains("TABLE")) {
            tables.add(rs.getString("TABLE_NAME"));
          }
        }
      }
      for (String table : tables) {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              Object value = rs.getObject(i);
              row.append(value instanceof byte[] b ? HexFormat.of().formatHex(b) : value)
                  .append('\u001f');
            }
            rows.add(row.toString());
          }
        }
        Collections.sort(rows);
        byte[] hash =
            MessageDigest.getInstance("SHA-256")
                .digest(String.join("\n", rows).getBytes(StandardCharsets.UTF_8));
        result.put(table, rows.size() + " rows, " + HexFormat.of().formatHex(hash));
      }
    }
    assertTrue(result.size() > 15, "all the blog's tables: " + result.keySet());
    return result;
  }
}
