package blog.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/** The connection pool and the one {@link Jdbi} built on it. */
public final class Database implements AutoCloseable {
  /** Commands H2 keeps prepared per connection (for the statements an answer runs in turn). */
  static final int H2_QUERY_CACHE = 128;

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final StoredCommits stored;
  private final Optional<DiskSpace> disk;
  private final boolean embeddedFile;
  private final boolean postgres;

  private Database(HikariDataSource dataSource, DatabaseSettings settings, Properties h2) {
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
    this.disk = DiskSpace.of(settings);
    this.embeddedFile = settings.isEmbeddedH2File();
    this.postgres = settings.isPostgres();
    this.stored =
        settings.isEmbeddedH2File()
            ? StoredCommits.h2File(
                () -> DriverManager.getConnection(settings.url(), h2),
                settings.fsync(),
                () -> disk.map(DiskSpace::hasRoom).orElse(true))
            : StoredCommits.byTheDatabase();
  }

  /**
   * Opens the pool. It does not insist on a first connection: a blog whose database is briefly down
   * still starts and answers 503 until the database returns.
   */
  public static Database open(DatabaseSettings settings) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(settings.url());
    hikari.setUsername(settings.user());
    hikari.setPassword(settings.password());
    hikari.setMaximumPoolSize(settings.poolSize());
    hikari.setMinimumIdle(Math.min(2, settings.poolSize()));
    // A reader should see "try again" within seconds, not hang for Hikari's default 30 s.
    hikari.setConnectionTimeout(3_000);
    hikari.setValidationTimeout(1_000);
    hikari.setInitializationFailTimeout(-1);
    hikari.setPoolName("blog");
    if (settings.isH2()) {
      // H2 keeps 8 prepared commands per connection by default; one comment submission alone
      // runs more distinct statements than that, so each was parsed and planned anew every time.
      h2Setting(hikari, settings, "QUERY_CACHE_SIZE", Integer.toString(H2_QUERY_CACHE));
      // H2 closes the database from a JVM shutdown hook of its own, while the blog's hook is still
      // finishing requests and stopping its jobs; the blog closes the pool itself, last.
      h2Setting(hikari, settings, "DB_CLOSE_ON_EXIT", "FALSE");
    }
    hikari.setExceptionOverride(new BrokenConnectionEviction());
    // The file writer's own connection: the same user and settings as the pool's.
    Properties h2 = new Properties();
    h2.putAll(hikari.getDataSourceProperties());
    h2.setProperty("user", settings.user());
    h2.setProperty("password", settings.password());
    if (!settings.isEmbeddedH2File()) {
      return new Database(new HikariDataSource(hikari), settings, h2);
    }
    // Opening the file after a crash, H2 first recovers it, which for a large file on a busy
    // machine takes longer than the pool waits for a connection: the first connection waits as
    // long as that takes, and the pool's own come once the file is open.
    Connection first = null;
    try {
      first = DriverManager.getConnection(settings.url(), h2);
      Database database = new Database(new HikariDataSource(hikari), settings, h2);
      try {
        database.dataSource.getConnection().close();
        return database;
      } catch (SQLException | RuntimeException e) {
        database.close();
        throw e;
      }
    } catch (SQLException e) {
      // As the pool would report it, once asked.
      throw new IllegalStateException("Cannot open the database: " + e.getMessage(), e);
    } finally {
      closeQuietly(first);
    }
  }

  private static void closeQuietly(@Nullable Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // The pool holds the file open; this one only waited for it.
      }
    }
  }

  /** A setting for every H2 connection, unless the URL sets it itself. */
  private static void h2Setting(
      HikariConfig hikari, DatabaseSettings settings, String name, String value) {
    if (!settings.url().toUpperCase(Locale.ROOT).contains(name + "=")) {
      hikari.addDataSourceProperty(name, value);
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** Waits until what was committed is in the database file: before a write is acknowledged. */
  public StoredCommits stored() {
    return stored;
  }

  /** True for PostgreSQL. */
  public boolean isPostgres() {
    return postgres;
  }

  /** True for an H2 database this process keeps in a file of its own. */
  public boolean isEmbeddedFile() {
    return embeddedFile;
  }

  /** Refuses a write, before it changes anything, while the embedded database's disk is full. */
  public void requireRoomToWrite() {
    disk.ifPresent(DiskSpace::requireRoom);
  }

  /**
   * Fails with one clear sentence, naming the configuration keys to check, when no connection can
   * be had: at start-up a blog that cannot reach its database cannot migrate it either.
   */
  public void requireReachable() {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(2)) {
        throw new DatabaseUnreachable(dataSource.getJdbcUrl(), "the connection does not answer");
      }
    } catch (SQLException e) {
      throw new DatabaseUnreachable(dataSource.getJdbcUrl(), rootMessage(e));
    }
  }

  /** Publishes the pool's gauges and timers (HikariCP's own) to a Micrometer registry, once. */
  public void publishMetrics(Object meterRegistry) {
    dataSource.setMetricRegistry(meterRegistry);
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }

  /** True when a connection can be had and answers a validity check within a second. */
  public boolean isReachable() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Stops the file writer, then closes the pool: the last connection writes all to the file. */
  @Override
  public void close() {
    stored.close();
    dataSource.close();
  }
}
