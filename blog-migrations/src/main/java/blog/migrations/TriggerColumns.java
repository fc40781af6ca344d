package blog.migrations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Where an H2 row trigger finds a column in the row arrays it is given. */
final class TriggerColumns {
  private TriggerColumns() {}

  /** The 0-based index of {@code column} (upper case, as H2 names it) in rows of the table. */
  static int index(Connection connection, String schema, String table, String column)
      throws SQLException {
    try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, column)) {
      if (!columns.next()) {
        throw new SQLException("no " + column + " column on " + table);
      }
      return columns.getInt("ORDINAL_POSITION") - 1;
    }
  }
}
