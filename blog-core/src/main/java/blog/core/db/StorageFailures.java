package blog.core.db;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a write that failed because the database could not write its file (a full disk, a failing
 * device; H2 then closes the database until it is opened again) from a bug: the first is answered
 * "Not saved yet", with what the person typed, the second with an error page.
 */
public final class StorageFailures {
  // H2's codes: the database was closed (after a failed write), and its I/O errors.
  private static final Set<Integer> H2_STORAGE_CODES = Set.of(90098, 90028, 90031, 90121);
  private static final int H2_GENERAL_ERROR = 50000;

  private StorageFailures() {}

  public static boolean isStorageFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof NotStoredException) {
        return true;
      }
      if (t instanceof SQLException sql
          && (H2_STORAGE_CODES.contains(sql.getErrorCode())
              || (sql.getErrorCode() == H2_GENERAL_ERROR
                  && String.valueOf(sql.getMessage()).contains("MVStoreException")))) {
        return true;
      }
      if (t instanceof IOException io
          && String.valueOf(io.getMessage()).contains("No space left on device")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
