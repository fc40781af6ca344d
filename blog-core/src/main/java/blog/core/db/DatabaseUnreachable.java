package blog.core.db;

import java.util.regex.Pattern;

/**
 * The database named by {@code db.url} cannot be reached or refuses the log-in. The message is
 * meant for an operator reading one line: where, why, and which keys to check; never a password.
 */
public final class DatabaseUnreachable extends RuntimeException {
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

  public DatabaseUnreachable(String url, String reason) {
    super(
        "Cannot connect to the database at "
            + PASSWORD.matcher(url).replaceAll("$1***")
            + ": "
            + reason.strip()
            + " (check "
            + DatabaseSettings.URL.key()
            + ", "
            + DatabaseSettings.USER.key()
            + " and "
            + DatabaseSettings.PASSWORD.key()
            + ", or "
            + DatabaseSettings.URL.envName()
            + ", "
            + DatabaseSettings.USER.envName()
            + " and "
            + DatabaseSettings.PASSWORD.envName()
            + ")");
  }
}
