package blog.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.h2.api.Trigger;

/**
 * H2's half of the content version (db/vendor/h2/V2; see {@link ContentVersionRows}): raises a
 * {@code content_version} row in the transaction that changed a content table — for a comment the
 * row of its post (both posts' rows if an update moved it), for a commenter the commenters' row,
 * for everything else the listing row; on {@code settings} it skips bookkeeping rows (the site
 * secret, the setup token, watermarks), as PostgreSQL's trigger does. It fires per row, so H2 runs
 * its update in the changing transaction, outside auto-commit. H2 loads this class whenever it
 * opens the database: keep its name.
 */
public final class ContentVersionTrigger implements Trigger {
  private static final Pattern INTERNAL_SETTING = Pattern.compile("(security|notify|admin)\\..*");

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
    // While H2 alters a table (ADD COLUMN) it builds a copy, "<TABLE>_COPY_<n>_<m>", and
    // initialises the table's triggers on it; they keep what init saw until the database is
    // opened again, so the copy counts as the table.
    String table = tableName.toUpperCase(Locale.ROOT).replaceFirst("_COPY_\\d+_\\d+$", "");
    kind =
        switch (table) {
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
        first = postSlot(newRow != null ? newRow : oldRow);
        second = oldRow != null && newRow != null ? postSlot(oldRow) : -1;
      }
      case COMMENTERS -> first = ContentVersionRows.COMMENTERS_ROW;
      default -> first = ContentVersionRows.LISTING_ROW;
    }
    try (PreparedStatement raise =
        connection.prepareStatement(
            "UPDATE content_version SET version = version + 1,"
                + " changed_at = CURRENT_TIMESTAMP WHERE id = ?")) {
      raise.setInt(1, first);
      raise.executeUpdate();
      if (second != -1 && second != first) {
        raise.setInt(1, second);
        raise.executeUpdate();
      }
    }
  }

  private int postSlot(Object[] row) {
    return 1 + Math.floorMod(((Number) row[postColumn]).longValue(), ContentVersionRows.POST_SLOTS);
  }
}
