package blog.core.db;

import blog.core.config.Config;

/** Where the database is and how many connections the pool may hold. */
public record DatabaseSettings(String url, String user, String password, int poolSize) {
  public static final String DEFAULT_URL = "jdbc:h2:file:./data/blog;AUTO_SERVER=FALSE";

  public static DatabaseSettings from(Config config) {
    String url = config.get("db.url", DEFAULT_URL);
    boolean h2 = url.startsWith("jdbc:h2:");
    return new DatabaseSettings(
        url,
        config.get("db.user", h2 ? "sa" : ""),
        config.get("db.password", ""),
        config.getInt("db.pool-size", 10));
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }
}
