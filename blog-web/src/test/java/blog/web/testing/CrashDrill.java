package blog.web.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.db.Database;
import blog.core.db.DatabaseSettings;
import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.identity.UserRepository;
import blog.core.login.StaffAccounts;
import blog.core.security.SiteSecret;
import blog.core.site.SettingsRepository;
import blog.core.testing.CommentCounts;
import blog.core.testing.DbKind;
import blog.core.testing.Fixtures;
import blog.core.testing.H2Indexes;
import blog.core.testing.TestDatabase;
import blog.migrations.Migrations;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * A blog whose process is killed ({@code kill -9}) under load and started again on the same
 * database: the embedded H2 file or a PostgreSQL database. The test reads the database directly
 * between runs, through a connection of its own (for H2 only while no blog process holds the file).
 */
public final class CrashDrill implements AutoCloseable {
  public static final String STAFF_PASSWORD = StaffBrowsers.PASSWORD;

  private final DbKind kind;
  private final DatabaseSettings settings;
  private final TestDatabase postgres;
  private final Map<String, String> env = new HashMap<>();

  private CrashDrill(DbKind kind, DatabaseSettings settings, TestDatabase postgres) {
    this.kind = kind;
    this.settings = settings;
    this.postgres = postgres;
    env.put("BLOG_DB_URL", settings.url());
    env.put("BLOG_DB_USER", settings.user());
    env.put("BLOG_DB_PASSWORD", settings.password());
    env.put("BLOG_HOST", "127.0.0.1");
    env.put("BLOG_PORT", "0");
    env.put("BLOG_AUTH_DEMO_ENABLED", "false");
    env.put("BLOG_LOG_ACCESS", "OFF");
  }

  /** A new, migrated database of this kind (an H2 file under {@code dir}). */
  public static CrashDrill create(DbKind kind, Path dir) {
    CrashDrill drill;
    if (kind == DbKind.H2) {
      drill =
          new CrashDrill(
              kind, new DatabaseSettings("jdbc:h2:file:" + dir.resolve("blog"), "sa", "", 4), null);
    } else {
      TestDatabase db = TestDatabase.create(DbKind.POSTGRES);
      drill = new CrashDrill(kind, db.settings(), db);
    }
    drill.withDatabase(database -> Migrations.migrate(database.dataSource()));
    return drill;
  }

  public DbKind kind() {
    return kind;
  }

  /** The settings ({@code BLOG_...} environment) a blog process on this database is given. */
  public Map<String, String> env() {
    return Map.copyOf(env);
  }

  /** Sets a setting row, as the settings screen would. */
  public CrashDrill set(String name, String value) {
    inHandle(
        h -> {
          h.createUpdate("DELETE FROM settings WHERE name = :n").bind("n", name).execute();
          h.createUpdate("INSERT INTO settings (name, setting_value) VALUES (:n, :v)")
              .bind("n", name)
              .bind("v", value)
              .execute();
        });
    return this;
  }

  /** Comments arrive as fast as they are sent: no flood or timing limits, no moderation. */
  public CrashDrill openFloodGates() {
    return set("discussion.flood-seconds", "0")
        .set("discussion.min-seconds-to-submit", "0")
        .set("discussion.moderation", "none");
  }

  /** A staff account with {@link #STAFF_PASSWORD}. */
  public User staff(String username, Role role) {
    return withDatabase(
        database -> {
          var jdbi = database.jdbi();
          return new StaffAccounts(
                  new UserRepository(jdbi),
                  Fixtures.PASSWORDS,
                  new SettingsRepository(jdbi),
                  SiteSecret.signer(new SettingsRepository(jdbi), new SecureRandom()),
                  Clock.systemUTC())
              .create(username, username, STAFF_PASSWORD, role)
              .user()
              .orElseThrow();
        });
  }

  /** Starts the blog on this database and waits until it serves. */
  public AppProcess start(String name) {
    return AppProcess.start(name, env);
  }

  public AppProcess start(String name, Duration timeout) {
    return AppProcess.start(name, env, timeout);
  }

  /** Runs {@code work} with a connection of the test's own (never while H2's file is held). */
  public <T> T withDatabase(Function<Database, T> work) {
    if (postgres != null) {
      return work.apply(postgres.database());
    }
    try (Database database = Database.open(settings)) {
      return work.apply(database);
    }
  }

  public void inHandle(Consumer<Handle> work) {
    withDatabase(
        database -> {
          database.jdbi().useHandle(work::accept);
          return null;
        });
  }

  public <T> T query(Function<Handle, T> work) {
    return withDatabase(database -> database.jdbi().withHandle(work::apply));
  }

  /**
   * The per-status and per-post comment counts that triggers keep agree with the rows, and (on H2)
   * the content version has moved at least once for every comment row.
   */
  public void assertCountsAgreeWithRows() {
    Map<String, Long> rows = assertCommentCountsAgreeWithRows();
    if (kind == DbKind.H2) {
      withDatabase(
          database -> {
            H2Indexes.assertAgreeWithRows(database.jdbi());
            return null;
          });
      // H2's triggers raise the version once per comment row written (PostgreSQL's once per
      // transaction and row of content_version, so a bulk import raises it once).
      long version =
          query(
              h ->
                  h.createQuery("SELECT SUM(version) FROM content_version")
                      .mapTo(Long.class)
                      .one());
      long comments = rows.values().stream().mapToLong(Long::longValue).sum();
      assertTrue(
          version >= comments,
          "the content version (" + version + ") moved with each of the " + comments + " comments");
    }
  }

  /**
   * The per-status and per-post comment counts agree with the rows; answers the rows per status.
   */
  public Map<String, Long> assertCommentCountsAgreeWithRows() {
    return withDatabase(database -> CommentCounts.assertAgreeWithRows(database.jdbi()));
  }

  /** The address of the seed article, as the home page links it. */
  public static String seedArticle(Site site) {
    Matcher link =
        Pattern.compile("href=\"(/20[0-9]{2}/[0-9/]+why-quality-social-networking[a-z-]*/)\"")
            .matcher(new Browser(site).page("/"));
    assertTrue(link.find(), "the home page links the seed article");
    return link.group(1);
  }

  /** A random moment within {@code from} and {@code to}, to kill the blog at. */
  public static Duration someMomentBetween(Duration from, Duration to) {
    long span = to.toMillis() - from.toMillis();
    return from.plusMillis((long) (Math.random() * span));
  }

  @Override
  public void close() {
    if (postgres != null) {
      postgres.close();
    }
  }
}
