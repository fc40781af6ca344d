package blog.core.db;

import blog.core.config.Config;
import blog.core.config.Declaration;
import blog.core.config.Setting;
import java.nio.file.Path;
import java.util.List;
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

  public static final Setting<String> URL =
      Setting.text(
          "db.url", DEFAULT_URL, "JDBC URL; jdbc:postgresql://host:5432/db for PostgreSQL");
  public static final Setting<String> USER =
      Setting.text("db.user", null, "database user").defaultShownAs("sa for H2, empty otherwise");
  public static final Setting<String> PASSWORD =
      Setting.text("db.password", "", "database password");
  public static final Setting<Integer> POOL_SIZE =
      Setting.wholeNumber("db.pool-size", 10, "most connections in the pool");
  public static final Setting<Boolean> FSYNC =
      Setting.trueOrFalse(
          "db.fsync", false, "H2: wait until the disk has each write before saying it is saved");
  public static final Setting<Long> MIN_FREE_BYTES =
      Setting.longNumber(
          "db.min-free-bytes",
          DEFAULT_MIN_FREE_BYTES,
          "H2: refuse writes while its disk has less room than this; 0: no check");

  /** The database's keys, for the catalog of every setting. */
  public static final List<Declaration> DECLARED =
      List.of(URL, USER, PASSWORD, POOL_SIZE, FSYNC, MIN_FREE_BYTES);

  public DatabaseSettings(String url, String user, String password, int poolSize) {
    this(url, user, password, poolSize, false, DEFAULT_MIN_FREE_BYTES);
  }

  public static DatabaseSettings from(Config config) {
    String url = URL.read(config);
    boolean h2 = url.startsWith("jdbc:h2:");
    return new DatabaseSettings(
        url,
        USER.readOr(config, h2 ? "sa" : ""),
        PASSWORD.read(config),
        POOL_SIZE.read(config),
        FSYNC.read(config),
        MIN_FREE_BYTES.read(config));
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

  /**
   * Where an embedded H2 file database lives: the path its URL names, without the {@code .mv.db} H2
   * adds ({@code jdbc:h2:file:./data/blog;...} is {@code ./data/blog}, made absolute).
   */
  public Path embeddedFileBase() {
    if (!isEmbeddedH2File()) {
      throw new IllegalStateException("not an embedded H2 file database: " + url);
    }
    String path = url.substring("jdbc:h2:".length());
    int options = path.indexOf(';');
    if (options >= 0) {
      path = path.substring(0, options);
    }
    if (path.toLowerCase(Locale.ROOT).startsWith("file:")) {
      path = path.substring("file:".length());
    }
    if (path.startsWith("~")) {
      path = System.getProperty("user.home") + path.substring(1);
    }
    return Path.of(path).toAbsolutePath();
  }

  /** The file H2 keeps an embedded database in ({@link #embeddedFileBase} plus {@code .mv.db}). */
  public Path embeddedFile() {
    Path base = embeddedFileBase();
    return base.resolveSibling(base.getFileName() + ".mv.db");
  }

  /** These settings, but for the embedded file database at {@code base}, with the same options. */
  public DatabaseSettings withEmbeddedFileBase(Path base) {
    embeddedFileBase();
    int options = url.indexOf(';');
    return new DatabaseSettings(
        "jdbc:h2:file:" + base.toAbsolutePath() + (options >= 0 ? url.substring(options) : ""),
        user,
        password,
        poolSize,
        fsync,
        minFreeBytes);
  }
}
