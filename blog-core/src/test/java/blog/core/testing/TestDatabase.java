package blog.core.testing;

import blog.core.db.Database;
import blog.core.db.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database for one test class: an in-memory H2 database, or a database of its own in the
 * PostgreSQL server at {@code BLOG_TEST_PG_URL} (default 127.0.0.1:5432/test, user postgres), the
 * blog's tables in the schema {@value #PG_SCHEMA}. Without a PostgreSQL server the PostgreSQL
 * variant is skipped, except under CI=true where it fails.
 *
 * <p>{@link #create} does not run the migrations: they run once per test JVM into a template
 * ({@link TemplateDatabases}), and each database is a copy of it.
 */
public final class TestDatabase implements AutoCloseable {
  public static final String PG_URL =
      envOr("BLOG_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String PG_USER = envOr("BLOG_TEST_PG_USER", "postgres");
  public static final String PG_PASSWORD = envOr("BLOG_TEST_PG_PASSWORD", "");

  /** Not {@code public}: an operator may put the blog in a schema of its own, so tests do too. */
  public static final String PG_SCHEMA = "blog_test";

  private final DbKind kind;
  private final DatabaseSettings settings;
  private final String pgDatabase;
  private final Database database;

  private TestDatabase(DbKind kind, DatabaseSettings settings, String pgDatabase) {
    this.kind = kind;
    this.settings = settings;
    this.pgDatabase = pgDatabase;
    this.database = Database.open(settings);
  }

  /** A new database of the given kind with the blog's schema and nothing else in it. */
  public static TestDatabase create(DbKind kind) {
    if (kind == DbKind.H2) {
      TestDatabase db = h2();
      db.runAll(TemplateDatabases.h2Script());
      return db;
    }
    return postgres(TemplateDatabases.postgres());
  }

  /** A new database with no schema at all, for migration tests. */
  public static TestDatabase createEmpty(DbKind kind) {
    return kind == DbKind.H2 ? h2() : postgres(null);
  }

  private static TestDatabase h2() {
    warmUpH2();
    return new TestDatabase(DbKind.H2, h2Settings("t" + randomHex()), null);
  }

  private static boolean h2Loaded;

  /**
   * Loads H2's engine with a throwaway private database, without the pool's three-second wait for a
   * connection: the first H2 database of a JVM took longer than that on a busy machine. (Not the
   * test's own database: its first connection sets settings such as the query cache.)
   */
  private static synchronized void warmUpH2() {
    if (!h2Loaded) {
      try (Connection throwaway = DriverManager.getConnection("jdbc:h2:mem:", "sa", "")) {
        h2Loaded = throwaway.isValid(1);
      } catch (SQLException e) {
        throw new IllegalStateException("H2 does not start", e);
      }
    }
  }

  static DatabaseSettings h2Settings(String name) {
    return new DatabaseSettings("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", 8);
  }

  /** A new PostgreSQL database, a copy of {@code template} or (when null) with an empty schema. */
  private static TestDatabase postgres(String template) {
    requirePostgres();
    TierDatabases.requirePostgresInThisRun();
    String name = "t_" + randomHex();
    createPostgresDatabase(name, template);
    return new TestDatabase(DbKind.POSTGRES, pgSettings(name, 8), name);
  }

  /** A copy of {@code template}, or (when null) a database with an empty {@link #PG_SCHEMA}. */
  static void createPostgresDatabase(String name, String template) {
    if (template != null) {
      execute(PG_URL, "CREATE DATABASE " + name + " TEMPLATE " + template);
    } else {
      execute(PG_URL, "CREATE DATABASE " + name);
      execute(pgUrl(name, false), "CREATE SCHEMA " + PG_SCHEMA);
    }
  }

  static void dropPostgresDatabase(String name) {
    execute(PG_URL, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  static DatabaseSettings pgSettings(String database, int poolSize) {
    return new DatabaseSettings(pgUrl(database, true), PG_USER, PG_PASSWORD, poolSize);
  }

  /** {@link #PG_URL} naming another database, with the blog's schema as current or not. */
  private static String pgUrl(String database, boolean withSchema) {
    int query = PG_URL.indexOf('?');
    String base = query < 0 ? PG_URL : PG_URL.substring(0, query);
    String parameters = query < 0 ? "" : PG_URL.substring(query + 1);
    String url = base.substring(0, base.lastIndexOf('/') + 1) + database;
    if (withSchema) {
      parameters =
          parameters.isEmpty()
              ? "currentSchema=" + PG_SCHEMA
              : parameters + "&currentSchema=" + PG_SCHEMA;
    }
    return parameters.isEmpty() ? url : url + "?" + parameters;
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

  private static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url, PG_USER, PG_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private void runAll(List<String> statements) {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("copying the migrated template", e);
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

  /**
   * On PostgreSQL, a connection to this database as an operator's psql opens it: the blog's schema
   * not on the search path.
   */
  public Connection operatorConnection() throws SQLException {
    if (kind != DbKind.POSTGRES) {
      throw new IllegalStateException("only PostgreSQL databases have an operator's connection");
    }
    return DriverManager.getConnection(pgUrl(pgDatabase, false), PG_USER, PG_PASSWORD);
  }

  @Override
  public void close() {
    if (kind == DbKind.H2) {
      database.jdbi().useHandle(h -> h.execute("DROP ALL OBJECTS"));
      database.close();
    } else {
      database.close();
      dropPostgresDatabase(pgDatabase);
    }
  }

  static String randomHex() {
    byte[] bytes = new byte[6];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
