package blog.migrations;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.value.Value;
import org.h2.value.ValueNull;

/**
 * A flag of one H2 session under which the bookkeeping triggers ({@link ContentVersionTrigger},
 * {@link CommentCountTrigger}) stand aside: the data generator sets it around each batch it writes,
 * and afterwards counts the comments and raises the content version once itself, instead of an
 * update per generated row (blog.core.generate.BulkRepository, which names the same variable).
 * Nothing else sets it.
 */
final class BulkLoad {
  /** The session variable, {@code SET @BLOG_BULK_LOAD = TRUE}. */
  static final String VARIABLE = "BLOG_BULK_LOAD";

  private BulkLoad() {}

  static boolean on(Connection connection) throws SQLException {
    SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
    Value flag = session.getVariable(VARIABLE);
    return flag != null && flag != ValueNull.INSTANCE && flag.getBoolean();
  }
}
