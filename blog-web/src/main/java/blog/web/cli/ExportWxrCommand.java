package blog.web.cli;

import blog.core.config.Config;
import blog.core.db.Database;
import blog.core.db.DatabaseSettings;
import blog.core.wxr.WxrExporter;
import blog.migrations.Migrations;
import blog.web.DataTools;
import blog.web.ServerSettings;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code java -jar blog.jar export-wxr FILE}: the whole blog as a WordPress export. */
@Command(
    name = "export-wxr",
    mixinStandardHelpOptions = true,
    description =
        "Export every post, page, comment, category, tag and author as WXR 1.2, which WordPress"
            + " (Tools > Import > WordPress) and import-wxr read.")
final class ExportWxrCommand extends DatabaseCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "the file to write (.xml)")
  Path file;

  ExportWxrCommand() {
    this(Config::fromEnvironment);
  }

  ExportWxrCommand(Supplier<Config> config) {
    super(config);
  }

  @Override
  public Integer call() throws IOException {
    Config config = config();
    String baseUrl = ServerSettings.from(config).baseUrl();
    Path target = file.toAbsolutePath();
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    try (Database database = Database.open(DatabaseSettings.from(config))) {
      Migrations.migrate(database.dataSource());
      WxrExporter.Summary summary;
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
        summary = DataTools.exporter(database, Clock.systemUTC()).export(out, baseUrl);
      }
      // Whole or not at all: a failed export never leaves a half-written file under FILE.
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      out()
          .printf(
              "Exported %d posts, %d pages and %d comments to %s%n",
              summary.posts(), summary.pages(), summary.comments(), file);
      return 0;
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
