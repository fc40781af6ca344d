package blog.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * H2's half of the comments per status (db/vendor/h2/V2): keeps {@code comment_status_counts} in
 * step with each changed comment row, in the changing transaction (H2 runs a row trigger's
 * statements in it, outside auto-commit), on the slot of the changing session. H2 loads this class
 * whenever it opens the database: keep its name.
 */
public final class CommentCountTrigger implements Trigger {
  /** Rows per status ({@code ${comment_count_slots}} in the baseline). */
  static final int SLOTS = 16;

  private int statusColumn = -1;

  @Override
  public void init(
      Connection connection,
      String schemaName,
      String triggerName,
      String tableName,
      boolean before,
      int type)
      throws SQLException {
    statusColumn = TriggerColumns.index(connection, schemaName, tableName, "STATUS");
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    String oldStatus = oldRow == null ? null : (String) oldRow[statusColumn];
    String newStatus = newRow == null ? null : (String) newRow[statusColumn];
    if (Objects.equals(oldStatus, newStatus) || BulkLoad.on(connection)) {
      return;
    }
    try (PreparedStatement count =
        connection.prepareStatement(
            "UPDATE comment_status_counts"
                + " SET n = n + CASE WHEN status = ? THEN 1 ELSE -1 END"
                + " WHERE slot = MOD(SESSION_ID(), ?) AND status IN (?, ?)")) {
      count.setString(1, newStatus);
      count.setInt(2, SLOTS);
      count.setString(3, newStatus);
      count.setString(4, oldStatus);
      count.executeUpdate();
    }
  }
}
