package blog.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.h2.api.Trigger;

/**
 * H2's half of the content version (migrations V15, V17 and V22): raises a {@code content_version}
 * row in the transaction that changed a content table — for a comment the row of its post ({@code 1
 * + post_id % 64}; both posts' rows if an update moved it), for a commenter row 66, for everything
 * else the listing row 65. On {@code settings} it fires per row and skips bookkeeping rows (the
 * site secret, the setup token, watermarks), as PostgreSQL's trigger does. H2 loads this class
 * whenever it opens the database: keep its name.
 */
public final class ContentVersionTrigger implements Trigger {
  private static final Pattern INTERNAL_SETTING = Pattern.compile("(security|notify|admin)\\..*");
  private static final int POST_SLOTS = 64;
  private static final int LISTING_ROW = 65;
  private static final int COMMENTERS_ROW = 66;

  private enum Kind {
    SETTINGS,
    COMMENTS,
    COMMENTERS,
    LISTING
  }

  private Kind kind;

  /** Where a comment row holds its post id; -1 for other tables. */
  private int postColumn = -1;

  @Override
  public void init(
      Connection connection,
      String schemaName,
      String triggerName,
      String tableName,
      boolean before,
      int type)
      throws SQLException {
    kind =
        switch (tableName.toUpperCase(Locale.ROOT)) {
          case "SETTINGS" -> Kind.SETTINGS;
          case "COMMENTS" -> Kind.COMMENTS;
          case "COMMENTER_IDENTITIES" -> Kind.COMMENTERS;
          default -> Kind.LISTING;
        };
    if (kind == Kind.COMMENTS) {
      postColumn = TriggerColumns.index(connection, schemaName, tableName, "POST_ID");
    }
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    if (BulkLoad.on(connection)) {
      return;
    }
    if (kind == Kind.SETTINGS) {
      Object[] row = newRow != null ? newRow : oldRow;
      if (row != null && INTERNAL_SETTING.matcher(String.valueOf(row[0])).matches()) {
        return;
      }
    }
    int first;
    int second = -1;
    switch (kind) {
      case COMMENTS -> {
        if (oldRow == null && newRow == null) {
          // The statement-level trigger of V15 and V17, until V22 replaces it: any post's page.
          first = COMMENTERS_ROW;
        } else {
          first = postSlot(newRow != null ? newRow : oldRow);
          second = oldRow != null && newRow != null ? postSlot(oldRow) : -1;
        }
      }
      case COMMENTERS -> first = COMMENTERS_ROW;
      default -> first = LISTING_ROW;
    }
    int[] slots = second == -1 || second == first ? new int[] {first} : new int[] {first, second};
    TriggerTransaction.run(
        connection,
        session -> {
          try (PreparedStatement raise =
              connection.prepareStatement(
                  "UPDATE content_version SET version = version + 1,"
                      + " changed_at = CURRENT_TIMESTAMP WHERE id = ?")) {
            for (int slot : slots) {
              raise.setInt(1, slot);
              if (raise.executeUpdate() == 0) {
                // An older table (a migration of content tables before V17 or V22): row 1 is there.
                raise.setInt(1, 1);
                raise.executeUpdate();
              }
            }
          }
        });
  }

  private int postSlot(Object[] row) {
    return 1 + Math.floorMod(((Number) row[postColumn]).longValue(), POST_SLOTS);
  }
}
