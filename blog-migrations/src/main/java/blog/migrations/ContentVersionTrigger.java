package blog.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.h2.api.Trigger;

/**
 * H2's half of the content version (migrations V15 and V17): raises one {@code content_version} row
 * in the transaction that changed a content table — a discussion row picked at random for comments
 * and commenters, the listing row for everything else. On {@code settings} it fires per row and
 * skips bookkeeping rows (the site secret, the setup token, watermarks), as PostgreSQL's trigger
 * does. H2 loads this class whenever it opens the database: keep its name.
 */
public final class ContentVersionTrigger implements Trigger {
  private static final Pattern INTERNAL_SETTING = Pattern.compile("(security|notify|admin)\\..*");
  private static final Set<String> DISCUSSION_TABLES = Set.of("COMMENTS", "COMMENTER_IDENTITIES");
  private static final int DISCUSSION_SLOTS = 64;
  private static final int LISTING_ROW = 65;

  private boolean settings;
  private boolean discussion;

  @Override
  public void init(
      Connection connection,
      String schemaName,
      String triggerName,
      String tableName,
      boolean before,
      int type) {
    String table = tableName.toUpperCase(Locale.ROOT);
    settings = "SETTINGS".equals(table);
    discussion = DISCUSSION_TABLES.contains(table);
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    if (BulkLoad.on(connection)) {
      return;
    }
    if (settings) {
      Object[] row = newRow != null ? newRow : oldRow;
      if (row != null && INTERNAL_SETTING.matcher(String.valueOf(row[0])).matches()) {
        return;
      }
    }
    int slot = discussion ? 1 + ThreadLocalRandom.current().nextInt(DISCUSSION_SLOTS) : LISTING_ROW;
    TriggerTransaction.run(
        connection,
        session -> {
          try (PreparedStatement raise =
              connection.prepareStatement(
                  "UPDATE content_version SET version = version + 1,"
                      + " changed_at = CURRENT_TIMESTAMP WHERE id = ?")) {
            raise.setInt(1, slot);
            if (raise.executeUpdate() == 0) {
              // Before V17 there is row 1 only (a migration of content tables before V17 runs).
              raise.setInt(1, 1);
              raise.executeUpdate();
            }
          }
        });
  }
}
