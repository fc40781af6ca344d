package db.migration;

import blog.migrations.CommentCountTrigger;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Comments per status, kept by triggers in the changing transaction: the moderation queue's counts
 * (pending, approved, spam, trash) become a read of 64 small rows instead of counting every comment
 * on each admin page. Each status has 16 rows; a transaction adds to one of them (chosen by its
 * transaction or session), so concurrent comment writers rarely wait on each other, and the counts
 * are their sums.
 */
public class V18__count_comments_by_status extends BaseJavaMigration {
  static final List<String> STATUSES = List.of("pending", "approved", "spam", "trash");
  static final int SLOTS = 16;

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    try (Statement s = connection.createStatement()) {
      s.execute(
          """
          CREATE TABLE comment_status_counts (
              status VARCHAR(16) NOT NULL,
              slot   INTEGER     NOT NULL,
              n      BIGINT      NOT NULL,
              PRIMARY KEY (status, slot)
          )""");
      for (String status : STATUSES) {
        for (int slot = 0; slot < SLOTS; slot++) {
          s.execute(
              "INSERT INTO comment_status_counts (status, slot, n) VALUES ('"
                  + status
                  + "', "
                  + slot
                  + ", "
                  + (slot == 0
                      ? "(SELECT COUNT(*) FROM comments WHERE status = '" + status + "')"
                      : "0")
                  + ")");
        }
      }
      if (product.contains("postgres")) {
        postgres(s);
      } else if (product.contains("h2")) {
        s.execute(
            "CREATE TRIGGER comments_status_counts AFTER INSERT, UPDATE, DELETE ON comments"
                + " FOR EACH ROW CALL \""
                + CommentCountTrigger.class.getName()
                + "\"");
      } else {
        throw new SQLException("No comment-count triggers for database " + product);
      }
    }
  }

  /**
   * One UPDATE per changed row touches the old and the new status's rows of this transaction's slot
   * together, so they are always locked in the same (primary key) order.
   */
  private static void postgres(Statement s) throws SQLException {
    s.execute(
        """
        CREATE FUNCTION count_comment_statuses() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          old_status text := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.status END;
          new_status text := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.status END;
        BEGIN
          IF old_status IS DISTINCT FROM new_status THEN
            EXECUTE format('UPDATE %%I.comment_status_counts'
                           ' SET n = n + CASE WHEN status = $1 THEN 1 ELSE -1 END'
                           ' WHERE slot = $3 AND status IN ($1, $2)', TG_TABLE_SCHEMA)
              USING new_status, old_status, (txid_current() %% %d)::integer;
          END IF;
          RETURN NULL;
        END
        $$"""
            .formatted(SLOTS));
    s.execute(
        "CREATE TRIGGER comments_status_counts AFTER INSERT OR UPDATE OF status OR DELETE"
            + " ON comments FOR EACH ROW EXECUTE PROCEDURE count_comment_statuses()");
  }
}
