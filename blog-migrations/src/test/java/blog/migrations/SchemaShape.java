package blog.migrations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The shape of a database's schema as one canonical text, to tell whether two ways of building it
 * (the migrations of old, the baseline) give the same database: every table with its columns
 * (position, type, nullability, default, identity, generation), indexes with their columns and
 * order, constraints (primary keys, uniques, foreign keys with their rules, checks), triggers,
 * PostgreSQL's trigger functions (their code without comments), sequences, and the rows the schema
 * starts with. Each entry is one line (a function's body follows its line), sorted, so the order in
 * which things were created does not matter. Flyway's own history table is left out: it records how
 * the schema was built, which is what differs.
 *
 * <p>Names that H2 makes up for unnamed constraints and their indexes ({@code CONSTRAINT_8A},
 * {@code PRIMARY_KEY_8}) depend on the order of creation and are written {@code *}; what such a
 * constraint or index is (its table, kind and columns) is still there. Timestamps in rows are
 * written {@code <timestamp>}: they say when the database was made.
 */
final class SchemaShape {
  private static final String HISTORY = "flyway_schema_history";
  private static final Pattern H2_MADE_UP_NAME =
      Pattern.compile("(CONSTRAINT|PRIMARY_KEY|FK_INDEX|CONSTRAINT_INDEX)_[0-9A-F]+(_[0-9]+)?");

  private SchemaShape() {}

  /** The shape of the schema that {@code dataSource}'s connections use, as canonical text. */
  static String of(DataSource dataSource, EmptyDatabase.Kind kind) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      TreeSet<String> entries = new TreeSet<>();
      if (kind == EmptyDatabase.Kind.H2) {
        h2(connection, entries);
      } else {
        postgres(connection, entries);
      }
      rows(connection, kind, entries);
      return String.join("\n", entries) + "\n";
    }
  }

  private static void h2(Connection c, TreeSet<String> entries) throws SQLException {
    String schema = "PUBLIC";
    for (String table : tables(c, schema)) {
      entries.add("table " + table);
    }
    columns(c, schema, entries);
    Map<String, List<String>> indexColumns = new LinkedHashMap<>();
    Map<String, String> indexHeads = new LinkedHashMap<>();
    try (ResultSet rs =
        query(
            c,
            """
            SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, i.IS_GENERATED, ic.COLUMN_NAME,
                   ic.ORDERING_SPECIFICATION, ic.NULL_ORDERING
            FROM INFORMATION_SCHEMA.INDEXES i
            JOIN INFORMATION_SCHEMA.INDEX_COLUMNS ic ON ic.INDEX_SCHEMA = i.INDEX_SCHEMA
              AND ic.INDEX_NAME = i.INDEX_NAME AND ic.TABLE_NAME = i.TABLE_NAME
            WHERE i.TABLE_SCHEMA = 'PUBLIC' AND i.TABLE_NAME <> 'flyway_schema_history'
            ORDER BY i.TABLE_NAME, i.INDEX_NAME, ic.ORDINAL_POSITION""")) {
      while (rs.next()) {
        String key = rs.getString(1) + "." + rs.getString(2);
        String name = rs.getBoolean(4) ? "*" : rs.getString(2);
        indexHeads.putIfAbsent(
            key, "index " + rs.getString(1) + " " + name + " " + rs.getString(3) + " (");
        indexColumns
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(rs.getString(5) + " " + rs.getString(6) + " NULLS " + rs.getString(7));
      }
    }
    indexHeads.forEach(
        (key, head) -> entries.add(head + String.join(", ", indexColumns.get(key)) + ")"));

    Map<String, String> keyColumns = new LinkedHashMap<>();
    try (ResultSet rs =
        query(
            c,
            """
            SELECT CONSTRAINT_NAME, LISTAGG(COLUMN_NAME, ', ') WITHIN GROUP (ORDER BY ORDINAL_POSITION)
            FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE WHERE CONSTRAINT_SCHEMA = 'PUBLIC'
            GROUP BY CONSTRAINT_NAME""")) {
      while (rs.next()) {
        keyColumns.put(rs.getString(1), rs.getString(2));
      }
    }
    try (ResultSet rs =
        query(
            c,
            """
            SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, cc.CHECK_CLAUSE,
                   rc.UNIQUE_CONSTRAINT_NAME, uc.TABLE_NAME, rc.UPDATE_RULE, rc.DELETE_RULE
            FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
            LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc
              ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
            LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc
              ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
            LEFT JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS uc
              ON uc.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA
              AND uc.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME
            WHERE tc.CONSTRAINT_SCHEMA = 'PUBLIC' AND tc.TABLE_NAME <> 'flyway_schema_history'""")) {
      while (rs.next()) {
        StringBuilder line =
            new StringBuilder("constraint ")
                .append(rs.getString(1))
                .append(' ')
                .append(h2Name(rs.getString(2)))
                .append(' ')
                .append(rs.getString(3));
        String columns = keyColumns.get(rs.getString(2));
        if (columns != null) {
          line.append(" (").append(columns).append(')');
        }
        if (rs.getString(4) != null) {
          line.append(' ').append(rs.getString(4));
        }
        if (rs.getString(5) != null) {
          line.append(" REFERENCES ")
              .append(rs.getString(6))
              .append(" (")
              .append(keyColumns.get(rs.getString(5)))
              .append(") ON UPDATE ")
              .append(rs.getString(7))
              .append(" ON DELETE ")
              .append(rs.getString(8));
        }
        entries.add(line.toString());
      }
    }
    try (ResultSet rs =
        query(
            c,
            """
            SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION,
                   ACTION_ORIENTATION, JAVA_CLASS, QUEUE_SIZE, NO_WAIT, IS_ROLLBACK
            FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA = 'PUBLIC'""")) {
      while (rs.next()) {
        entries.add(
            "trigger %s %s %s %s FOR EACH %s CALL %s QUEUE %s NOWAIT %s ROLLBACK %s"
                .formatted(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9)));
      }
    }
    sequences(c, schema, entries);
  }

  private static void postgres(Connection c, TreeSet<String> entries) throws SQLException {
    String schema = currentSchema(c);
    for (String table : tables(c, schema)) {
      entries.add("table " + table);
    }
    columns(c, schema, entries);
    String qualified = Pattern.quote(schema + ".");
    try (ResultSet rs =
        query(
            c,
            """
            SELECT c.relname, i.relname, pg_get_indexdef(x.indexrelid)
            FROM pg_index x
            JOIN pg_class c ON c.oid = x.indrelid
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relname <> 'flyway_schema_history'""")) {
      while (rs.next()) {
        entries.add(
            "index "
                + rs.getString(1)
                + " "
                + rs.getString(2)
                + ": "
                + rs.getString(3).replaceAll(qualified, ""));
      }
    }
    try (ResultSet rs =
        query(
            c,
            """
            SELECT c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid), k.condeferrable,
                   k.condeferred
            FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_namespace n ON n.oid = k.connamespace
            WHERE n.nspname = current_schema() AND c.relname <> 'flyway_schema_history'""")) {
      while (rs.next()) {
        entries.add(
            "constraint %s %s %s: %s%s"
                .formatted(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4).replaceAll(qualified, ""),
                    rs.getBoolean(5)
                        ? rs.getBoolean(6) ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE"
                        : ""));
      }
    }
    try (ResultSet rs =
        query(
            c,
            """
            SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid), t.tgenabled
            FROM pg_trigger t
            JOIN pg_class c ON c.oid = t.tgrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND NOT t.tgisinternal""")) {
      while (rs.next()) {
        entries.add(
            "trigger %s %s: %s (enabled %s)"
                .formatted(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3).replaceAll(qualified, ""),
                    rs.getString(4)));
      }
    }
    try (ResultSet rs =
        query(
            c,
            """
            SELECT p.proname, pg_get_function_identity_arguments(p.oid),
                   pg_get_function_result(p.oid), l.lanname, p.provolatile, p.prosrc
            FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            JOIN pg_language l ON l.oid = p.prolang
            WHERE n.nspname = current_schema()""")) {
      while (rs.next()) {
        entries.add(
            "function %s(%s) RETURNS %s LANGUAGE %s VOLATILITY %s AS:\n%s"
                .formatted(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    withoutComments(rs.getString(6)).indent(4).stripTrailing()));
      }
    }
    sequences(c, schema, entries);
    // information_schema.sequences leaves out the sequences of identity columns.
    try (ResultSet rs =
        query(
            c,
            """
            SELECT s.relname, format_type(q.seqtypid, NULL), q.seqstart, q.seqmin, q.seqmax,
                   q.seqincrement, q.seqcycle, q.seqcache
            FROM pg_sequence q
            JOIN pg_class s ON s.oid = q.seqrelid
            JOIN pg_namespace n ON n.oid = s.relnamespace
            WHERE n.nspname = current_schema() AND s.relname NOT LIKE 'flyway%'""")) {
      while (rs.next()) {
        entries.add(
            "sequence %s %s START %s MIN %s MAX %s INCREMENT %s CYCLE %s CACHE %s"
                .formatted(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getBoolean(7) ? "YES" : "NO",
                    rs.getString(8)));
      }
    }
  }

  private static List<String> tables(Connection c, String schema) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs =
        query(
            c,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                + schema
                + "' AND table_type = 'BASE TABLE' AND table_name <> '"
                + HISTORY
                + "'")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  private static void columns(Connection c, String schema, TreeSet<String> entries)
      throws SQLException {
    try (ResultSet rs =
        query(
            c,
            """
            SELECT table_name, column_name, ordinal_position, data_type, character_maximum_length,
                   numeric_precision, numeric_scale, datetime_precision, is_nullable, column_default,
                   is_identity, identity_generation, identity_start, identity_increment,
                   identity_minimum, identity_maximum, identity_cycle, is_generated,
                   generation_expression
            FROM information_schema.columns
            WHERE table_schema = '%s' AND table_name <> '%s'"""
                .formatted(schema, HISTORY))) {
      while (rs.next()) {
        StringBuilder line =
            new StringBuilder("column ")
                .append(rs.getString(1))
                .append('.')
                .append(rs.getString(2))
                .append(" #")
                .append(rs.getInt(3))
                .append(' ')
                .append(rs.getString(4));
        appendIfSet(line, " length ", rs.getString(5));
        appendIfSet(line, " precision ", rs.getString(6));
        appendIfSet(line, " scale ", rs.getString(7));
        appendIfSet(line, " time precision ", rs.getString(8));
        line.append("NO".equals(rs.getString(9)) ? " NOT NULL" : " NULL");
        appendIfSet(line, " DEFAULT ", rs.getString(10));
        if ("YES".equals(rs.getString(11))) {
          line.append(" IDENTITY ")
              .append(rs.getString(12))
              .append(" START ")
              .append(rs.getString(13))
              .append(" INCREMENT ")
              .append(rs.getString(14))
              .append(" MIN ")
              .append(rs.getString(15))
              .append(" MAX ")
              .append(rs.getString(16))
              .append(" CYCLE ")
              .append(rs.getString(17));
        }
        if (!"NEVER".equals(rs.getString(18))) {
          line.append(" GENERATED ").append(rs.getString(18)).append(" AS ");
          line.append(rs.getString(19));
        }
        entries.add(line.toString());
      }
    }
  }

  private static void sequences(Connection c, String schema, TreeSet<String> entries)
      throws SQLException {
    try (ResultSet rs =
        query(
            c,
            """
            SELECT sequence_name, data_type, start_value, minimum_value, maximum_value, increment,
                   cycle_option
            FROM information_schema.sequences WHERE sequence_schema = '%s'"""
                .formatted(schema))) {
      while (rs.next()) {
        entries.add(
            "sequence %s %s START %s MIN %s MAX %s INCREMENT %s CYCLE %s"
                .formatted(
                    h2Name(rs.getString(1)),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7)));
      }
    }
  }

  /** Every row of every table (a new database has only the rows the schema starts with). */
  private static void rows(Connection c, EmptyDatabase.Kind kind, TreeSet<String> entries)
      throws SQLException {
    String schema = kind == EmptyDatabase.Kind.H2 ? "PUBLIC" : currentSchema(c);
    for (String table : tables(c, schema)) {
      try (ResultSet rs = query(c, "SELECT * FROM \"" + table + "\"")) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          List<String> values = new ArrayList<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            values.add(meta.getColumnName(i).toLowerCase(Locale.ROOT) + "=" + value(rs, meta, i));
          }
          entries.add("row " + table + " (" + String.join(", ", values) + ")");
        }
      }
    }
  }

  private static String value(ResultSet rs, ResultSetMetaData meta, int i) throws SQLException {
    Object value = rs.getObject(i);
    if (value == null) {
      return "NULL";
    }
    return switch (meta.getColumnType(i)) {
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.DATE, Types.TIME -> "<timestamp>";
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
          HexFormat.of().formatHex(rs.getBytes(i));
      default -> String.valueOf(value);
    };
  }

  /**
   * A function's body without its {@code --} comments and blank lines: they explain, and may be
   * worded and indented anew, without changing what the function does.
   */
  private static String withoutComments(String body) {
    return body.lines()
        .map(line -> line.replaceFirst("\\s*--.*$", "").stripTrailing())
        .filter(line -> !line.isBlank())
        .reduce((a, b) -> a + "\n" + b)
        .orElse("")
        .stripIndent();
  }

  private static String h2Name(String name) {
    return H2_MADE_UP_NAME.matcher(name).matches() ? "*" : name;
  }

  private static String currentSchema(Connection c) throws SQLException {
    try (ResultSet rs = query(c, "SELECT current_schema()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void appendIfSet(StringBuilder line, String label, String value) {
    if (value != null) {
      line.append(label).append(value);
    }
  }

  private static ResultSet query(Connection c, String sql) throws SQLException {
    Statement statement = c.createStatement();
    statement.closeOnCompletion();
    return statement.executeQuery(sql);
  }
}
