package blog.core.db;

import java.sql.SQLException;

/** Recognises a unique-constraint violation on both H2 and PostgreSQL (SQL state 23505). */
public final class UniqueViolations {
  private UniqueViolations() {}

  public static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
