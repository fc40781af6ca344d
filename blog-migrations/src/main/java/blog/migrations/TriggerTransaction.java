package blog.migrations;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * Runs an H2 trigger's own statements in the changing statement's transaction. H2 would commit them
 * on their own when that statement runs in auto-commit mode, which a trigger may not do; so the
 * session is out of auto-commit while they run, and the changing statement commits all as usual.
 */
final class TriggerTransaction {
  interface Work {
    void run(SessionLocal session) throws SQLException;
  }

  private TriggerTransaction() {}

  static void run(Connection connection, Work work) throws SQLException {
    SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
    boolean autoCommit = session.getAutoCommit();
    session.setAutoCommit(false);
    try {
      work.run(session);
    } finally {
      session.setAutoCommit(autoCommit);
    }
  }
}
