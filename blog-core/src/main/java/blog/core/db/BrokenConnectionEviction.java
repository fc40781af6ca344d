package blog.core.db;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;

/**
 * Tells the pool to throw away a connection that failed as a connection, not only those with the
 * standard "08" SQL states Hikari knows: H2 reports a broken or closed session with its own codes.
 * Without this, connections broken by a database outage would keep failing after it ends.
 */
public final class BrokenConnectionEviction implements SQLExceptionOverride {
  @java.lang.Override
  public Override adjudicate(SQLException e) {
    return e instanceof SQLNonTransientConnectionException || e instanceof SQLRecoverableException
        ? Override.MUST_EVICT
        : Override.CONTINUE_EVICT;
  }
}
