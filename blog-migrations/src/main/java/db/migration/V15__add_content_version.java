package db.migration;

import blog.migrations.ContentVersionTrigger;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A version number for everything a reader sees (posts, comments, terms, authors, commenters,
 * settings, media, old permalinks), raised by the database itself when any of those tables changes,
 * in the changing transaction; and named locks for work only one instance may do at a time (seeding
 * an empty blog). Caches on every instance compare the version to know they are stale (see
 * blog.core.change.ContentVersion).
 *
 * <p>A Java migration because a trigger cannot be written once for both databases: PostgreSQL runs
 * a PL/pgSQL function, H2 calls a Java class. Everything else is the same portable SQL.
 */
public class V15__add_content_version extends BaseJavaMigration {
  /** The tables whose rows make up the public pages. */
  static final List<String> CONTENT_TABLES =
      List.of(
          "posts",
          "comments",
          "terms",
          "post_terms",
          "users",
          "commenter_identities",
          "slug_redirects",
          "media");

  /** Settings rows that are bookkeeping, not content: the site secret, setup token, watermarks. */
  static final String INTERNAL_SETTINGS = "^(security|notify|admin)\\.";

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    try (Statement s = connection.createStatement()) {
      s.execute(
          """
          CREATE TABLE content_version (
              id         INTEGER PRIMARY KEY,
              version    BIGINT  NOT NULL,
              changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
              CONSTRAINT content_version_single_row_ck CHECK (id = 1)
          )""");
      s.execute(
          "INSERT INTO content_version (id, version, changed_at) VALUES (1, 1, CURRENT_TIMESTAMP)");
      s.execute("CREATE TABLE cluster_locks (name VARCHAR(64) PRIMARY KEY)");
      s.execute("INSERT INTO cluster_locks (name) VALUES ('seed')");
      if (product.contains("postgres")) {
        postgres(s);
      } else if (product.contains("h2")) {
        h2(s);
      } else {
        throw new SQLException("No content-version triggers for database " + product);
      }
    }
  }

  /**
   * Deferred constraint triggers run at commit, after every other statement of the transaction: the
   * version row is locked last and only briefly, so writers never deadlock on it, and a
   * transaction-local flag makes one raise per transaction however many rows it changed.
   */
  private static void postgres(Statement s) throws SQLException {
    s.execute(
        """
        CREATE FUNCTION raise_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF current_setting('blog.content_version_raised', true)
               IS DISTINCT FROM txid_current()::text THEN
            PERFORM set_config('blog.content_version_raised', txid_current()::text, true);
            -- The changed table's schema, not the session's search_path: a write from psql or a
            -- backup tool with another search_path raises the version too.
            EXECUTE format('UPDATE %I.content_version SET version = version + 1,'
                           ' changed_at = clock_timestamp() WHERE id = 1', TG_TABLE_SCHEMA);
          END IF;
          RETURN NULL;
        END
        $$""");
    for (String table : CONTENT_TABLES) {
      s.execute(
          "CREATE CONSTRAINT TRIGGER "
              + table
              + "_content_version AFTER INSERT OR UPDATE OR DELETE ON "
              + table
              + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
              + " EXECUTE PROCEDURE raise_content_version()");
    }
    s.execute(
        "CREATE CONSTRAINT TRIGGER settings_content_version AFTER INSERT OR UPDATE ON settings"
            + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.name !~ '"
            + INTERNAL_SETTINGS
            + "') EXECUTE PROCEDURE raise_content_version()");
    s.execute(
        "CREATE CONSTRAINT TRIGGER settings_content_version_deleted AFTER DELETE ON settings"
            + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.name !~ '"
            + INTERNAL_SETTINGS
            + "') EXECUTE PROCEDURE raise_content_version()");
  }

  /** H2 runs one blog process only; a plain trigger in the changing transaction is enough. */
  private static void h2(Statement s) throws SQLException {
    for (String table : CONTENT_TABLES) {
      s.execute(
          "CREATE TRIGGER "
              + table
              + "_content_version AFTER INSERT, UPDATE, DELETE ON "
              + table
              + " CALL \""
              + ContentVersionTrigger.class.getName()
              + "\"");
    }
    s.execute(
        "CREATE TRIGGER settings_content_version AFTER INSERT, UPDATE, DELETE ON settings"
            + " FOR EACH ROW CALL \""
            + ContentVersionTrigger.class.getName()
            + "\"");
  }
}
