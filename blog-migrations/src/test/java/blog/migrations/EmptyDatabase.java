package blog.migrations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A new database with nothing in it, for one test: an in-memory H2 database, or a schema of its own
 * in the PostgreSQL server at {@code BLOG_TEST_PG_URL} (default 127.0.0.1:5432/test, user
 * postgres), dropped again on close. Without a PostgreSQL server the PostgreSQL variant is skipped,
 * except under CI=true where it fails (as blog-core's TestDatabase does; blog-migrations cannot use
 * it).
 */
final class EmptyDatabase implements AutoCloseable {
  enum Kind {
    H2("h2"),
    POSTGRESQL("postgresql");

    /** Flyway's vendor folder, and the name of this kind's files in the tests. */
    final String folder;

    Kind(String folder) {
      this.folder = folder;
    }
  }

  static final String PG_URL = envOr("BLOG_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String PG_USER = envOr("BLOG_TEST_PG_USER", "postgres");
  static final String PG_PASSWORD = envOr("BLOG_TEST_PG_PASSWORD", "");

  private final Kind kind;
  private final String name;
  private final DataSource dataSource;
  private final Connection keepOpen;

  private EmptyDatabase(Kind kind, String name, DataSource dataSource) throws SQLException {
    this.kind = kind;
    this.name = name;
    this.dataSource = dataSource;
    // An in-memory H2 database lives while a connection to it is open.
    this.keepOpen = kind == Kind.H2 ? dataSource.getConnection() : null;
  }

  static EmptyDatabase create(Kind kind) throws SQLException {
    String name = "schema_" + HexFormat.of().formatHex(randomBytes());
    if (kind == Kind.H2) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:" + name);
      h2.setUser("sa");
      return new EmptyDatabase(kind, name, h2);
    }
    requirePostgres();
    execute("CREATE SCHEMA " + name);
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(PG_URL);
    pg.setUser(PG_USER);
    pg.setPassword(PG_PASSWORD);
    pg.setCurrentSchema(name);
    return new EmptyDatabase(kind, name, pg);
  }

  Kind kind() {
    return kind;
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** The PostgreSQL schema (or H2 database) this test has to itself. */
  String name() {
    return name;
  }

  @Override
  public void close() throws SQLException {
    if (kind == Kind.H2) {
      keepOpen.close();
    } else {
      execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
  }

  /** Skips the calling test when no PostgreSQL answers, unless running under CI. */
  static void requirePostgres() {
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

  private static void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[6];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
