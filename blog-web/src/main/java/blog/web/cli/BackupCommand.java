package blog.web.cli;

import blog.core.config.Config;
import blog.core.db.Database;
import blog.core.db.DatabaseBackup;
import blog.core.db.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code java -jar blog.jar backup FILE}: an H2 database as one SQL script. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description =
        "Back up the H2 database to FILE (an SQL script, safe while the blog runs). For PostgreSQL"
            + " it prints the pg_dump command to use instead.")
final class BackupCommand extends DatabaseCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "the backup file to write")
  Path file;

  BackupCommand() {
    this(Config::fromEnvironment);
  }

  BackupCommand(Supplier<Config> config) {
    super(config);
  }

  @Override
  public Integer call() {
    DatabaseSettings settings = DatabaseSettings.from(config());
    if (Files.exists(file)) {
      return fail(file + " exists already; choose a new file name.");
    }
    try (Database database = Database.open(settings)) {
      new DatabaseBackup(database.dataSource(), settings).backup(file);
      out().println("Backed up " + settings.url() + " to " + file);
      return 0;
    } catch (DatabaseBackup.Refused e) {
      return fail(e.getMessage());
    }
  }
}
