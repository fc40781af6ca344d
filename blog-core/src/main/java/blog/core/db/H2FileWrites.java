package blog.core.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.jspecify.annotations.Nullable;

/**
 * Puts what H2 has committed in memory into its file, and waits until it is there. The one place
 * where the blog reaches past H2's JDBC interface, because SQL offers no way to do this: H2's own
 * writer (every half second, and housekeeping that keeps the file compact) serialises and writes in
 * the background, and {@code CHECKPOINT} may return while such a write, which already holds the
 * caller's commit, is still on its way to the file. So: {@link MVStore#commit()} stores what is
 * unsaved, then {@link MVStore#executeFilestoreOperation} waits until every write started before
 * has reached the file; with {@code fsync}, {@link MVStore#sync()} then waits for the disk. Through
 * a server ({@code jdbc:h2:tcp:}) there is no local store: {@code CHECKPOINT} is used. An upgrade
 * of H2 that changes these classes fails CrashRecoveryTest.
 */
final class H2FileWrites {
  private H2FileWrites() {}

  static void writeThrough(Connection connection, boolean fsync) throws SQLException {
    MVStore store = localStore(connection);
    if (store == null) {
      try (Statement s = connection.createStatement()) {
        s.execute(fsync ? "CHECKPOINT SYNC" : "CHECKPOINT");
      }
      return;
    }
    try {
      store.commit();
      store.executeFilestoreOperation(() -> {});
      if (fsync) {
        store.sync();
      }
    } catch (MVStoreException | IllegalStateException e) {
      throw new SQLException("H2 could not write its file: " + e.getMessage(), "HY000", e);
    }
  }

  private static @Nullable MVStore localStore(Connection connection) throws SQLException {
    if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
      if (session.getDatabase().isPersistent() && session.getDatabase().getStore() != null) {
        return session.getDatabase().getStore().getMvStore();
      }
    }
    return null;
  }
}
