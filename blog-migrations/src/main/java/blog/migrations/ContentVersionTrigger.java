package blog.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.h2.api.Trigger;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * H2's half of the content version (migration V15): raises {@code content_version} in the
 * transaction that changed a content table. On {@code settings} it fires per row and skips
 * bookkeeping rows (the site secret, the setup token, watermarks), as PostgreSQL's trigger does. H2
 * loads this class whenever it opens the database: keep its name.
 */
public final class ContentVersionTrigger implements Trigger {
  private static final Pattern INTERNAL_SETTING = Pattern.compile("(security|notify|admin)\\..*");

  private boolean settings;

  @Override
  public void init(
      Connection connection,
      String schemaName,
      String triggerName,
      String tableName,
      boolean before,
      int type) {
    settings = "SETTINGS".equalsIgnoreCase(tableName);
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    if (settings) {
      Object[] row = newRow != null ? newRow : oldRow;
      if (row != null && INTERNAL_SETTING.matcher(String.valueOf(row[0])).matches()) {
        return;
      }
    }
    // The update belongs to the changing statement's transaction. H2 would commit it on its own
    // when that statement runs in auto-commit mode, which a trigger may not do; so the session is
    // out of auto-commit while it runs, and the changing statement commits both as usual.
    SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
    boolean autoCommit = session.getAutoCommit();
    session.setAutoCommit(false);
    try (PreparedStatement raise =
        connection.prepareStatement(
            "UPDATE content_version SET version = version + 1, changed_at = CURRENT_TIMESTAMP"
                + " WHERE id = 1")) {
      raise.executeUpdate();
    } finally {
      session.setAutoCommit(autoCommit);
    }
  }
}
