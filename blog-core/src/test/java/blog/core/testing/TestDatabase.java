package blog.core.testing;

import blog.core.db.Database;
import blog.core.db.DatabaseSettings;
import blog.migrations.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, migrated database for one test class: an in-memory H2 database, or a schema of its own
 * in the PostgreSQL server at {@code BLOG_TEST_PG_URL} (default 127.0.0.1:5432/test, user
 * postgres). Without a PostgreSQL server the PostgreSQL variant is skipped, except under CI=true
 * where it fails.
 */
public final class TestDatabase implements AutoCloseable {
  public static final String PG_URL =
      envOr("BLOG_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String PG_USER = envOr("BLOG_TEST_PG_USER", "postgres");
  public static final String PG_PASSWORD = envOr("BLOG_TEST_PG_PASSWORD", "");

  private final DbKind kind;
  private final DatabaseSettings settings;
  private final String schema;
  private final Database database;

  private TestDatabase(DbKind kind, DatabaseSettings settings, String schema) {
    this.kind = kind;
    this.settings = settings;
    this.schema = schema;
    this.database = Database.open(settings);
  }

  /** Creates, migrates and returns a new empty database of the given kind. */
  public static TestDatabase create(DbKind kind) {
    TestDatabase db = createEmpty(kind);
    Migrations.migrate(db.database.dataSource());
    return db;
  }

  /** A new database with no schema at all, for migration tests. */
  public static TestDatabase createEmpty(DbKind kind) {
    return kind == DbKind.H2 ? h2() : postgres();
  }

  private static TestDatabase h2() {
    String name = "t" + randomHex();
    return new TestDatabase(
        DbKind.H2,
        new DatabaseSettings("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", 8),
        null);
  }

  private static TestDatabase postgres() {
    requirePostgres();
    String schema = "t_" + randomHex();
    execute("CREATE SCHEMA " + schema);
    String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new TestDatabase(
        DbKind.POSTGRES, new DatabaseSettings(url, PG_USER, PG_PASSWORD, 8), schema);
  }

  /** Skips the calling test when no PostgreSQL answers, unless running under CI. */
  public static void requirePostgres() {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
      c.isValid(2);
    } catch (SQLException e) {
      String message = "PostgreSQL at " + PG_URL + " is not reachable: " + e.getMessage();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(message + " (required under CI=true)", e);
      }
      Assumptions.abort(message + " - skipping the PostgreSQL variant");
    }
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public DbKind kind() {
    return kind;
  }

  public DatabaseSettings settings() {
    return settings;
  }

  public Database database() {
    return database;
  }

  @Override
  public void close() {
    if (kind == DbKind.H2) {
      database.jdbi().useHandle(h -> h.execute("DROP ALL OBJECTS"));
      database.close();
    } else {
      database.close();
      execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  private static String randomHex() {
    byte[] bytes = new byte[6];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
