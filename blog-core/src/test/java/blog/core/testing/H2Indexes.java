package blog.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Every secondary index of an H2 database read against its table's rows: after a crash the two must
 * agree. H2 keeps a table's rows and each of its indexes in separate maps of one file, and a file
 * reopened torn (seen once after a kill during a large import) showed it as an index holding rows
 * the table no longer had, which queries that use the index then served.
 */
public final class H2Indexes {
  private H2Indexes() {}

  /** Asserts each index of each table of the {@code PUBLIC} schema counts the table's rows. */
  public static void assertAgreeWithRows(Jdbi jdbi) {
    List<Map<String, Object>> indexes =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT i.table_name AS t, i.index_name AS i, c.column_name AS c"
                            + " FROM information_schema.indexes i"
                            + " JOIN information_schema.index_columns c"
                            + " ON c.index_schema = i.index_schema AND c.index_name = i.index_name"
                            + " WHERE i.table_schema = 'PUBLIC' AND c.ordinal_position = 1"
                            + " AND i.index_type_name <> 'PRIMARY KEY'")
                    .mapToMap()
                    .list());
    jdbi.useHandle(
        h -> {
          for (Map<String, Object> index : indexes) {
            String table = quoted(index.get("t"));
            String name = quoted(index.get("i"));
            String column = quoted(index.get("c"));
            long rows = h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one();
            long indexed = 0;
            for (String test : List.of("IS NOT NULL", "IS NULL")) {
              indexed +=
                  h.createQuery(
                          "SELECT COUNT(*) FROM "
                              + table
                              + " USE INDEX ("
                              + name
                              + ") WHERE "
                              + column
                              + " "
                              + test)
                      .mapTo(Long.class)
                      .one();
            }
            assertEquals(rows, indexed, "rows of " + table + " as its index " + name + " has them");
          }
        });
  }

  private static String quoted(Object identifier) {
    return '"' + String.valueOf(identifier).replace("\"", "\"\"") + '"';
  }
}
