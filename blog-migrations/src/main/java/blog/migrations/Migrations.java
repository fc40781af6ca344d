package blog.migrations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the blog's schema migrations: {@code db/migration} on every database, then {@code
 * db/vendor/h2} or {@code db/vendor/postgresql}, numbered in one sequence with them. Flyway
 * serialises concurrent runs with a database lock, so two instances starting at once both come up
 * with each migration applied exactly once.
 */
public final class Migrations {
  /**
   * The version of the newest migration here. A database whose history has it applied, and no
   * migration failed, is not handed to Flyway at start-up at all (loading Flyway and scanning for
   * migrations is a good part of a second). MigrationsTest holds it to Flyway's own list, so a new
   * migration without it fails the build.
   */
  public static final String LATEST = "30";

  private Migrations() {}

  /** Brings the schema of {@code dataSource} up to date and returns how many migrations ran. */
  public static int migrate(DataSource dataSource) {
    if (atLatest(dataSource)) {
      return 0;
    }
    MigrateResult result = flyway(dataSource).migrate();
    return result.migrationsExecuted;
  }

  /**
   * Brings the schema of {@code dataSource} up to migration {@code version} and no further, and
   * returns how many migrations ran: a database as an older release left it, to see what a later
   * migration does to the rows already there.
   */
  public static int migrateTo(DataSource dataSource, String version) {
    return Flyway.configure()
        .configuration(flyway(dataSource).getConfiguration())
        .target(version)
        .load()
        .migrate()
        .migrationsExecuted;
  }

  /** The newest version Flyway finds among the migrations here. */
  public static String newestKnown(DataSource dataSource) {
    MigrationInfo[] all = flyway(dataSource).info().all();
    return all[all.length - 1].getVersion().getVersion();
  }

  /**
   * Whether Flyway's history says {@link #LATEST} was applied and nothing failed: one query. Any
   * doubt (no history yet, a failed or missing migration, a database that cannot answer) leaves it
   * to Flyway.
   */
  public static boolean atLatest(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                    + " WHERE \"version\" IS NOT NULL")) {
      boolean latest = false;
      while (rows.next()) {
        if (!rows.getBoolean(2)) {
          return false;
        }
        latest |= LATEST.equals(rows.getString(1));
      }
      return latest;
    } catch (SQLException noHistoryYet) {
      return false;
    }
  }

  /** True when every known migration has been applied (used by readiness checks). */
  public static boolean upToDate(DataSource dataSource) {
    return flyway(dataSource).info().pending().length == 0;
  }

  private static Flyway flyway(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        // Portable migrations, plus one folder per database for what only it can do (e.g.
        // PostgreSQL's full-text index). Not under db/migration: Flyway scans locations
        // recursively, so a vendor folder there would run on every database.
        .locations("classpath:db/migration", "classpath:db/vendor/" + vendor(dataSource))
        .validateMigrationNaming(true)
        .load();
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
