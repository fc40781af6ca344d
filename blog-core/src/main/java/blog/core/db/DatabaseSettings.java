package blog.core.db;

import blog.core.config.Config;
import java.util.Locale;

/**
 * Where the database is, how many connections the pool may hold, and for the embedded H2 database
 * whether it waits for the disk (fsync) before a write is acknowledged and how much room it keeps
 * free on the disk.
 */
public record DatabaseSettings(
    String url, String user, String password, int poolSize, boolean fsync, long minFreeBytes) {
  public static final String DEFAULT_URL = "jdbc:h2:file:./data/blog;AUTO_SERVER=FALSE";

  /** Room kept free on the embedded database's disk: writes are refused below it. */
  public static final long DEFAULT_MIN_FREE_BYTES = 16L * 1024 * 1024;

  public DatabaseSettings(String url, String user, String password, int poolSize) {
    this(url, user, password, poolSize, false, DEFAULT_MIN_FREE_BYTES);
  }

  public static DatabaseSettings from(Config config) {
    String url = config.get("db.url", DEFAULT_URL);
    boolean h2 = url.startsWith("jdbc:h2:");
    return new DatabaseSettings(
        url,
        config.get("db.user", h2 ? "sa" : ""),
        config.get("db.password", ""),
        config.getInt("db.pool-size", 10),
        config.getBoolean("db.fsync", false),
        config.getLong("db.min-free-bytes", DEFAULT_MIN_FREE_BYTES));
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  public boolean isH2() {
    return url.startsWith("jdbc:h2:");
  }

  /**
   * An H2 database this process opens itself on a file (not in memory, not through an H2 server):
   * one whose writes reach the file only when the blog has them written.
   */
  public boolean isEmbeddedH2File() {
    if (!isH2()) {
      return false;
    }
    String rest = url.substring("jdbc:h2:".length()).toLowerCase(Locale.ROOT);
    return !(rest.startsWith("mem:")
        || rest.startsWith("tcp:")
        || rest.startsWith("ssl:")
        || rest.startsWith("zip:"));
  }
}
