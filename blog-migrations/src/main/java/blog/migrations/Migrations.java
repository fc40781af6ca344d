package blog.migrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the blog's schema migrations: {@code db/migration} on every database, then {@code
 * db/vendor/h2} or {@code db/vendor/postgresql}, numbered in one sequence with them. Flyway
 * serialises concurrent runs with a database lock, so two instances starting at once both come up
 * with each migration applied exactly once.
 */
public final class Migrations {
  private Migrations() {}

  /** Brings the schema of {@code dataSource} up to date and returns how many migrations ran. */
  public static int migrate(DataSource dataSource) {
    MigrateResult result = flyway(dataSource).migrate();
    return result.migrationsExecuted;
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
