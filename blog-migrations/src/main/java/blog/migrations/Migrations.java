package blog.migrations;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the blog's schema migrations. Flyway serialises concurrent runs with a database lock, so
 * two instances starting at once both come up with each migration applied exactly once.
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
        .locations("classpath:db/migration")
        .validateMigrationNaming(true)
        .load();
  }
}
