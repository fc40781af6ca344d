package blog.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.migrations.Migrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A test database copied from the template is the database the migrations would have built. */
class TemplateDatabasesTest {
  @EachDatabase
  void aCopyHasTheTablesColumnsIndexesConstraintsTriggersAndRowsOfAFreshMigration(DbKind kind)
      throws SQLException {
    try (TestDatabase copy = TestDatabase.create(kind);
        TestDatabase fresh = TestDatabase.createEmpty(kind)) {
      assertTrue(Migrations.migrate(fresh.database().dataSource()) > 0);
      Map<String, List<String>> expected = shape(fresh);
      assertTrue(expected.get("tables").size() > 10, expected.get("tables").toString());
      assertEquals(expected, shape(copy));
      assertEquals(
          0, Migrations.migrate(copy.database().dataSource()), "nothing left to migrate in a copy");
    }
  }

  @Test
  void anH2CopyScriptsAsTheTemplate() throws SQLException {
    try (TestDatabase copy = TestDatabase.create(DbKind.H2);
        Connection c = copy.database().dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
      List<String> script = new ArrayList<>();
      while (rows.next()) {
        script.add(rows.getString(1));
      }
      // The same statements; a copy lists a few triggers in another order (H2 numbers them as
      // they are created), which changes nothing: each trigger writes a table of its own.
      assertEquals(sorted(TemplateDatabases.h2Script()), sorted(script));
    }
  }

  @Test
  void copiesAreDatabasesOfTheirOwn() {
    try (TestDatabase a = TestDatabase.create(DbKind.H2);
        TestDatabase b = TestDatabase.create(DbKind.H2)) {
      a.database()
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "INSERT INTO settings (name, setting_value) VALUES ('site.note', 'a')"));
      int inB =
          b.database()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT COUNT(*) FROM settings WHERE name = 'site.note'")
                          .mapTo(int.class)
                          .one());
      assertEquals(0, inB, "a row written to one copy is not in another");
    }
  }

  /** What the schema holds, each list sorted, names in lower case. */
  private static Map<String, List<String>> shape(TestDatabase db) throws SQLException {
    Map<String, List<String>> shape = new TreeMap<>();
    try (Connection c = db.database().dataSource().getConnection()) {
      String schema = c.getSchema();
      shape.put(
          "tables",
          rows(
              c,
              "SELECT table_name FROM information_schema.tables"
                  + " WHERE table_schema = ? AND table_type IN ('TABLE', 'BASE TABLE')",
              schema));
      shape.put(
          "columns",
          rows(
              c,
              "SELECT table_name, column_name, data_type, is_nullable, column_default"
                  + " FROM information_schema.columns WHERE table_schema = ?",
              schema));
      // PostgreSQL names its NOT NULL checks after object ids, different in every database;
      // the columns' is_nullable says the same.
      shape.put(
          "constraints",
          rows(
                  c,
                  "SELECT table_name, constraint_name, constraint_type"
                      + " FROM information_schema.table_constraints WHERE table_schema = ?",
                  schema)
              .stream()
              .filter(row -> !row.matches("\\S+ \\| [0-9_]+_not_null \\| check"))
              .toList());
      shape.put(
          "triggers",
          rows(
              c,
              "SELECT event_object_table, trigger_name, event_manipulation, action_timing"
                  + " FROM information_schema.triggers WHERE trigger_schema = ?",
              schema));
      List<String> indexes = new ArrayList<>();
      List<String> counts = new ArrayList<>();
      for (String table : shape.get("tables")) {
        try (ResultSet index = c.getMetaData().getIndexInfo(null, schema, table, false, false)) {
          while (index.next()) {
            indexes.add(
                table
                    + " "
                    + index.getString("INDEX_NAME")
                    + " "
                    + index.getShort("ORDINAL_POSITION")
                    + " "
                    + index.getString("COLUMN_NAME")
                    + " unique="
                    + !index.getBoolean("NON_UNIQUE"));
          }
        }
        if (!table.equalsIgnoreCase("flyway_schema_history")) {
          counts.add(table + " " + rows(c, "SELECT COUNT(*) FROM " + table).get(0));
        }
      }
      shape.put("indexes", sorted(indexes));
      shape.put("rows", sorted(counts));
      shape.put(
          "history",
          rows(
              c,
              "SELECT \"version\", \"description\", \"checksum\", \"success\""
                  + " FROM \"flyway_schema_history\""));
    }
    return shape;
  }

  private static List<String> rows(Connection c, String sql, String... parameters)
      throws SQLException {
    List<String> rows = new ArrayList<>();
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= columns; i++) {
            row.append(i > 1 ? " | " : "").append(result.getString(i));
          }
          rows.add(row.toString().toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    return sorted(rows);
  }

  private static List<String> sorted(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    copy.sort(null);
    return copy;
  }
}
