package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Spreads V15's content version over 65 rows, read as their sum (see
 * blog.core.change.ContentVersionRepository):
 *
 * <ul>
 *   <li>rows 1 to 64 take the changes of discussions ({@code comments}, {@code
 *       commenter_identities}), each transaction one row at random. With one row, every comment's
 *       transaction waited for the one before it to commit: the row lock made comment writers queue
 *       single file.
 *   <li>row 65, the listing version, takes every other change (posts, terms, authors, settings,
 *       images, old permalinks): what the sidebar and the archives are made of, which a new comment
 *       does not change.
 * </ul>
 *
 * Every raise adds one to one row, so the sum grows with every change as the single row did. Row 1
 * keeps the version reached so far, so the sum goes on from it.
 */
public class V17__spread_content_version extends BaseJavaMigration {
  /** Rows taking discussion changes: 1 to this. */
  static final int DISCUSSION_SLOTS = 64;

  /** The row taking every other change. */
  static final int LISTING_ROW = 65;

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    try (Statement s = connection.createStatement()) {
      s.execute("ALTER TABLE content_version DROP CONSTRAINT content_version_single_row_ck");
      for (int id = 2; id <= LISTING_ROW; id++) {
        s.execute(
            "INSERT INTO content_version (id, version, changed_at) VALUES ("
                + id
                + ", 0, CURRENT_TIMESTAMP)");
      }
      s.execute(
          "ALTER TABLE content_version ADD CONSTRAINT content_version_rows_ck"
              + " CHECK (id BETWEEN 1 AND "
              + LISTING_ROW
              + ")");
      if (product.contains("postgres")) {
        postgres(s);
      } else if (!product.contains("h2")) {
        throw new SQLException("No content-version triggers for database " + product);
      }
      // H2's triggers call blog.migrations.ContentVersionTrigger, which picks the row itself.
    }
  }

  /**
   * The same deferred triggers as V15, now raising once per transaction and kind: a transaction
   * that changes a post and its comments (a deletion) raises both the listing and a discussion row.
   */
  private static void postgres(Statement s) throws SQLException {
    s.execute(
        """
        CREATE OR REPLACE FUNCTION raise_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          discussion boolean := TG_TABLE_NAME IN ('comments', 'commenter_identities');
          flag text := CASE WHEN discussion THEN 'blog.content_version_discussion'
                            ELSE 'blog.content_version_listing' END;
          slot integer;
        BEGIN
          IF current_setting(flag, true) IS DISTINCT FROM txid_current()::text THEN
            PERFORM set_config(flag, txid_current()::text, true);
            slot := CASE WHEN discussion THEN 1 + floor(random() * %d)::integer ELSE %d END;
            -- The changed table's schema, not the session's search_path (see V15).
            EXECUTE format('UPDATE %%I.content_version SET version = version + 1,'
                           ' changed_at = clock_timestamp() WHERE id = $1', TG_TABLE_SCHEMA)
              USING slot;
          END IF;
          RETURN NULL;
        END
        $$"""
            .formatted(DISCUSSION_SLOTS, LISTING_ROW));
  }
}
