package db.migration;

import blog.migrations.ContentVersionTrigger;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Tells which posts a comment changed, so a page cache can keep every other post's page: rows 1 to
 * 64 of {@code content_version} now take the changes to the comments of the posts whose id leaves
 * that remainder (row {@code 1 + post_id % 64}) instead of a row at random, and a new row 66 takes
 * the changes to commenters ({@code commenter_identities}), which any post's comments may show. Row
 * 65, the listing version, still takes everything else. A post's page depends on rows 65, 66 and
 * its own row only (see blog.core.change.ContentVersions#forPost); the sum of all rows still grows
 * with every change.
 *
 * <p>Writers of comments on one post now queue on one row, which they hold only from the raise to
 * their commit: on PostgreSQL the raise runs at commit (deferred triggers), on H2 after the comment
 * row is written, with little left of the transaction.
 */
public class V22__content_version_per_post extends BaseJavaMigration {
  /** Rows taking the comments of posts: 1 to this. */
  static final int POST_SLOTS = 64;

  /** The row taking every change that is not a comment's or a commenter's. */
  static final int LISTING_ROW = 65;

  /** The row taking the changes to commenters. */
  static final int COMMENTERS_ROW = 66;

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    try (Statement s = connection.createStatement()) {
      s.execute("ALTER TABLE content_version DROP CONSTRAINT content_version_rows_ck");
      s.execute(
          "INSERT INTO content_version (id, version, changed_at) VALUES ("
              + COMMENTERS_ROW
              + ", 0, CURRENT_TIMESTAMP)");
      s.execute(
          "ALTER TABLE content_version ADD CONSTRAINT content_version_rows_ck"
              + " CHECK (id BETWEEN 1 AND "
              + COMMENTERS_ROW
              + ")");
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
   * The same deferred row triggers as V17, raising each row once per transaction: a transaction
   * that changes the comments of several posts (a bulk approval) raises each of their rows.
   */
  private static void postgres(Statement s) throws SQLException {
    s.execute(
        """
        CREATE OR REPLACE FUNCTION raise_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          slots integer[] := '{}';
          slot integer;
          flag text;
        BEGIN
          IF TG_TABLE_NAME = 'comments' THEN
            IF TG_OP <> 'DELETE' THEN
              slots := slots || (1 + (NEW.post_id %% %1$d))::integer;
            END IF;
            IF TG_OP <> 'INSERT' THEN
              slots := slots || (1 + (OLD.post_id %% %1$d))::integer;
            END IF;
          ELSIF TG_TABLE_NAME = 'commenter_identities' THEN
            slots := ARRAY[%3$d];
          ELSE
            slots := ARRAY[%2$d];
          END IF;
          FOREACH slot IN ARRAY slots LOOP
            flag := 'blog.content_version_' || slot;
            IF current_setting(flag, true) IS DISTINCT FROM txid_current()::text THEN
              PERFORM set_config(flag, txid_current()::text, true);
              -- The changed table's schema, not the session's search_path (see V15).
              EXECUTE format('UPDATE %%I.content_version SET version = version + 1,'
                             ' changed_at = clock_timestamp() WHERE id = $1', TG_TABLE_SCHEMA)
                USING slot;
            END IF;
          END LOOP;
          RETURN NULL;
        END
        $$"""
            .formatted(POST_SLOTS, LISTING_ROW, COMMENTERS_ROW));
  }

  /** H2's comment trigger fires per row from now on, so it sees the post of each comment. */
  private static void h2(Statement s) throws SQLException {
    s.execute("DROP TRIGGER comments_content_version");
    s.execute(
        "CREATE TRIGGER comments_content_version AFTER INSERT, UPDATE, DELETE ON comments"
            + " FOR EACH ROW CALL \""
            + ContentVersionTrigger.class.getName()
            + "\"");
  }
}
