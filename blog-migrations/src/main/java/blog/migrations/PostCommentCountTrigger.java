package blog.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's half of the approved comments per post (db/vendor/h2/V2): keeps {@code post_comment_counts}
 * in step with each changed comment row, in the changing transaction, on the changing session's own
 * row of the post (one session is one connection, used by one thread at a time: no other open
 * transaction writes that row, so an update that finds no row can insert it). H2 loads this class
 * whenever it opens the database: keep its name.
 */
public final class PostCommentCountTrigger implements Trigger {
  private static final String APPROVED = "approved";

  private int postColumn = -1;
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
    postColumn = TriggerColumns.index(connection, schemaName, tableName, "POST_ID");
    statusColumn = TriggerColumns.index(connection, schemaName, tableName, "STATUS");
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    boolean wasCounted = oldRow != null && APPROVED.equals(oldRow[statusColumn]);
    boolean isCounted = newRow != null && APPROVED.equals(newRow[statusColumn]);
    long oldPost = wasCounted ? ((Number) oldRow[postColumn]).longValue() : 0;
    long newPost = isCounted ? ((Number) newRow[postColumn]).longValue() : 0;
    if ((wasCounted == isCounted && oldPost == newPost) || BulkLoad.on(connection)) {
      return;
    }
    if (wasCounted) {
      add(connection, oldPost, -1);
    }
    if (isCounted) {
      add(connection, newPost, 1);
    }
  }

  private static void add(Connection connection, long postId, int delta) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE post_comment_counts SET approved = approved + ?"
                + " WHERE post_id = ? AND slot = SESSION_ID()")) {
      update.setInt(1, delta);
      update.setLong(2, postId);
      if (update.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO post_comment_counts (post_id, slot, approved)"
                + " VALUES (?, SESSION_ID(), ?)")) {
      insert.setLong(1, postId);
      insert.setInt(2, delta);
      insert.executeUpdate();
    }
  }
}
