package blog.core.db;

import java.sql.SQLException;

/**
 * A write was committed in memory but could not be put in the database file (the disk is full or
 * failing): it must not be acknowledged. The person is told it was not saved yet, with what they
 * typed; the database refuses further writes until the file can be written again.
 */
public final class NotStoredException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotStoredException(SQLException cause) {
    super("The database file could not be written: " + cause.getMessage(), cause);
  }

  public NotStoredException(String message) {
    super(message);
  }
}
