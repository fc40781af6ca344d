package blog.web.cli;

import blog.core.config.Config;
import blog.core.db.Database;
import blog.core.db.DatabaseBackup;
import blog.core.db.DatabaseSettings;
import blog.migrations.Migrations;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code java -jar blog.jar restore FILE}: a backup into an empty H2 database. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description =
        "Restore a backup made by 'backup' into the configured H2 database, which must be empty"
            + " (point db.url at a new file). For PostgreSQL it prints the pg_restore command.")
final class RestoreCommand extends DatabaseCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "the backup file to read")
  Path file;

  RestoreCommand() {
    this(Config::fromEnvironment);
  }

  RestoreCommand(Supplier<Config> config) {
    super(config);
  }

  @Override
  public Integer call() {
    DatabaseSettings settings = DatabaseSettings.from(config());
    try (Database database = Database.open(settings)) {
      new DatabaseBackup(database.dataSource(), settings).restore(file);
      int applied = Migrations.migrate(database.dataSource());
      out()
          .println(
              "Restored "
                  + file
                  + " into "
                  + settings.url()
                  + (applied > 0 ? " and applied " + applied + " newer migration(s)" : ""));
      return 0;
    } catch (DatabaseBackup.Refused e) {
      return fail(e.getMessage());
    }
  }
}
