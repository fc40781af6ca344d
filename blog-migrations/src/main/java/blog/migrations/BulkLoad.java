package blog.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A flag of one H2 session under which the bookkeeping triggers ({@link ContentVersionTrigger},
 * {@link CommentCountTrigger}, {@link PostCommentCountTrigger}) stand aside: the data generator
 * sets it around each batch it writes, and afterwards counts the comments and raises the content
 * version once itself, instead of an update per generated row (blog.core.generate.BulkRepository,
 * which names the same variable). Nothing else sets it.
 */
final class BulkLoad {
  /** The session variable, {@code SET @BLOG_BULK_LOAD = TRUE}. */
  static final String VARIABLE = "BLOG_BULK_LOAD";

  private BulkLoad() {}

  /**
   * Whether the session of a trigger's {@code connection} has the flag set: read with SQL on that
   * connection (H2 gives a row trigger its session's connection, outside auto-commit).
   */
  static boolean on(Connection connection) throws SQLException {
    try (PreparedStatement read = connection.prepareStatement("SELECT @" + VARIABLE);
        ResultSet flag = read.executeQuery()) {
      return flag.next() && flag.getBoolean(1);
    }
  }
}
