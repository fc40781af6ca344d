package blog.migrations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;

/**
 * Applies the blog's schema migrations: {@code db/migration} on every database, then {@code
 * db/vendor/h2} or {@code db/vendor/postgresql}, numbered in one sequence with them. The schema
 * starts with a baseline (V1 for both databases, V2 for each), see docs/schema.md. Flyway checks at
 * every start that the migrations a database has applied are the ones here, unchanged, and
 * serialises concurrent runs with a database lock, so two instances starting at once both come up
 * with each migration applied exactly once.
 */
public final class Migrations {
  /** The last version of the baseline; later migrations are numbered from 30. */
  public static final String BASELINE = "2";

  /**
   * The first script of the development versions' history, folded into the baseline since: a
   * database whose history has it was made before the baseline (see {@link
   * #refuseDevelopmentHistory}).
   */
  static final String DEVELOPMENT_FIRST_SCRIPT = "V1__create_schema.sql";

  private Migrations() {}

  /**
   * Brings the schema of {@code dataSource} up to date and returns how many migrations ran. Refuses
   * (with a message saying what to do, and changing nothing) a database made before the baseline,
   * and one whose applied migrations differ from the ones here.
   */
  public static int migrate(DataSource dataSource) {
    refuseDevelopmentHistory(dataSource);
    try {
      return flyway(dataSource).migrate().migrationsExecuted;
    } catch (FlywayValidateException e) {
      throw new SchemaHistoryMismatch(describe(e), e);
    }
  }

  /**
   * Brings the schema of {@code dataSource} up to migration {@code version} and no further, and
   * returns how many migrations ran: the baseline alone, say, to see what a later migration does.
   */
  public static int migrateTo(DataSource dataSource, String version) {
    refuseDevelopmentHistory(dataSource);
    return Flyway.configure()
        .configuration(flyway(dataSource).getConfiguration())
        .target(version)
        .load()
        .migrate()
        .migrationsExecuted;
  }

  /** True when every known migration has been applied (used by readiness checks). */
  public static boolean upToDate(DataSource dataSource) {
    return flyway(dataSource).info().pending().length == 0;
  }

  /**
   * The values of the placeholders in the baseline's SQL ({@code ${post_slots}} and so on), from
   * the constants that the trigger classes and blog.core read.
   */
  static Map<String, String> placeholders() {
    return Map.of(
        "post_slots", String.valueOf(ContentVersionRows.POST_SLOTS),
        "listing_row", String.valueOf(ContentVersionRows.LISTING_ROW),
        "commenters_row", String.valueOf(ContentVersionRows.COMMENTERS_ROW),
        "comment_count_slots", String.valueOf(CommentCountTrigger.SLOTS));
  }

  private static Flyway flyway(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        // Portable migrations, plus one folder per database for what only it can do (e.g.
        // PostgreSQL's full-text index). Not under db/migration: Flyway scans locations
        // recursively, so a vendor folder there would run on every database.
        .locations("classpath:db/migration", "classpath:db/vendor/" + vendor(dataSource))
        .placeholders(placeholders())
        .validateMigrationNaming(true)
        .load();
  }

  /**
   * Stops before Flyway when the history shows a database made by a development version from before
   * the baseline: its schema is not the baseline's, and Flyway would only report a list of
   * migrations it does not know. Nothing in the database is changed.
   */
  static void refuseDevelopmentHistory(DataSource dataSource) {
    boolean development;
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"script\" = '"
                    + DEVELOPMENT_FIRST_SCRIPT
                    + "'")) {
      development = rows.next() && rows.getLong(1) > 0;
    } catch (SQLException noHistoryYet) {
      return; // a new database, or one Flyway will explain
    }
    if (development) {
      throw new SchemaHistoryMismatch(
          "This database was made by a development version of the blog from before the schema"
              + " baseline (its migration history starts with "
              + DEVELOPMENT_FIRST_SCRIPT
              + "), which this version cannot take over; no release made such a database."
              + " Nothing in it was changed. Start this version on a new, empty database (db.url,"
              + " BLOG_DB_URL: a new H2 file or an empty PostgreSQL schema) and bring the content"
              + " over with 'export-wxr' run by the version that made the old database, then"
              + " 'import-wxr' run by this one. See docs/schema.md.",
          null);
    }
  }

  /**
   * Flyway's findings, one per migration, without its advice to run {@code repair} (which would
   * only hide the change): the blog's own advice follows.
   */
  private static String describe(FlywayValidateException e) {
    String findings =
        e.getMessage()
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty())
            .filter(line -> !line.startsWith("Validate failed"))
            .filter(line -> !line.contains("repair") && !line.contains("Learn more"))
            .collect(Collectors.joining("; "));
    return "The database's migration history does not match this version's migrations, so the"
        + " blog does not start: "
        + findings
        + ". A migration must not change once a database has applied it: put the file back as it"
        + " was released and make the change in a new migration. Nothing in the database was"
        + " changed. See docs/schema.md.";
  }

  /**
   * {@code postgresql} or {@code h2}: the folder of this database's own migrations. (Flyway itself
   * has no {@code {vendor}} placeholder; that is Spring Boot's.)
   */
  static String vendor(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("postgres")) {
        return "postgresql";
      }
      return product.replaceAll("[^a-z0-9]", "");
    } catch (SQLException e) {
      throw new FlywayException("Cannot tell which database this is: " + e.getMessage(), e);
    }
  }
}
