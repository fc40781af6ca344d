package blog.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * At every start Flyway checks the history of the migrations a database has applied against the
 * migrations here: a database that applied a migration since edited, or one made by a development
 * version from before the baseline, stops the start with a message that says what to do, and
 * nothing in it is changed.
 */
class MigrationHistoryTest {
  @ParameterizedTest
  @EnumSource(EmptyDatabase.Kind.class)
  void aMigrationEditedAfterItWasAppliedIsReported(EmptyDatabase.Kind kind) throws Exception {
    try (EmptyDatabase db = EmptyDatabase.create(kind)) {
      Migrations.migrate(db.dataSource());
      // What Flyway compares: the checksum it recorded against the file's. Changing the record is
      // the same to it as changing the file after it was applied.
      execute(
          db.dataSource(),
          "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1"
              + " WHERE \"version\" = '1'");
      String shape = SchemaShape.of(db.dataSource(), kind);
      List<String> history = history(db.dataSource());

      SchemaHistoryMismatch refused =
          assertThrows(SchemaHistoryMismatch.class, () -> Migrations.migrate(db.dataSource()));
      String message = refused.getMessage();
      assertTrue(message.contains("checksum mismatch for migration version 1"), message);
      assertTrue(message.contains("must not change once a database has applied it"), message);
      assertTrue(message.contains("new migration"), message);
      assertTrue(!message.contains("repair"), "no advice to hide the change: " + message);
      assertEquals(shape, SchemaShape.of(db.dataSource(), kind), "nothing changed");
      assertEquals(history, history(db.dataSource()));
    }
  }

  @ParameterizedTest
  @EnumSource(EmptyDatabase.Kind.class)
  void aDatabaseFromBeforeTheBaselineIsRefusedWithWhatToDo(EmptyDatabase.Kind kind)
      throws Exception {
    try (EmptyDatabase db = EmptyDatabase.create(kind)) {
      Migrations.migrate(db.dataSource());
      developmentHistory(db.dataSource());
      String shape = SchemaShape.of(db.dataSource(), kind);
      List<String> history = history(db.dataSource());

      SchemaHistoryMismatch refused =
          assertThrows(SchemaHistoryMismatch.class, () -> Migrations.migrate(db.dataSource()));
      String message = refused.getMessage();
      assertTrue(message.contains("before the schema baseline"), message);
      assertTrue(message.contains("V1__create_schema.sql"), message);
      assertTrue(message.contains("Nothing in it was changed"), message);
      assertTrue(message.contains("new, empty database"), message);
      assertTrue(message.contains("'export-wxr'") && message.contains("'import-wxr'"), message);
      assertTrue(message.contains("docs/schema.md"), message);
      assertThrows(
          SchemaHistoryMismatch.class, () -> Migrations.migrateTo(db.dataSource(), "2"), "either");
      assertEquals(shape, SchemaShape.of(db.dataSource(), kind), "nothing changed");
      assertEquals(history, history(db.dataSource()));
    }
  }

  /**
   * The history as the development versions left it: V1__create_schema.sql, then V2 to V25 (no V5),
   * of which only the first two versions' rows are rewritten and the last one added here — enough
   * for anything that reads it.
   */
  static void developmentHistory(DataSource dataSource) throws SQLException {
    execute(
        dataSource,
        "UPDATE \"flyway_schema_history\" SET \"script\" = 'V1__create_schema.sql',"
            + " \"description\" = 'create schema' WHERE \"version\" = '1'");
    execute(
        dataSource,
        "UPDATE \"flyway_schema_history\" SET \"script\" = 'V2__add_comment_submission_keys.sql',"
            + " \"description\" = 'add comment submission keys' WHERE \"version\" = '2'");
    execute(
        dataSource,
        "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
            + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
            + " \"success\") VALUES (24, '25', 'add posts author listing index', 'SQL',"
            + " 'V25__add_posts_author_listing_index.sql', 1, 'blog', 1, TRUE)");
  }

  private static List<String> history(DataSource dataSource) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT \"installed_rank\", \"version\", \"script\", \"checksum\", \"success\""
                    + " FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        rows.add(
            rs.getInt(1)
                + " "
                + rs.getString(2)
                + " "
                + rs.getString(3)
                + " "
                + rs.getString(4)
                + " "
                + rs.getBoolean(5));
      }
    }
    return rows;
  }

  private static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
