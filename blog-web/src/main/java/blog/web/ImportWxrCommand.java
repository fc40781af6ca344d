package blog.web;

import blog.core.config.Config;
import blog.core.db.Database;
import blog.core.db.DatabaseSettings;
import blog.core.wxr.ImportReport;
import blog.core.wxr.WxrException;
import blog.core.wxr.WxrImporter;
import blog.migrations.Migrations;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code java -jar blog.jar import-wxr FILE}: imports a WordPress export, printing progress. */
@Command(
    name = "import-wxr",
    mixinStandardHelpOptions = true,
    description =
        "Import a WordPress export (WXR 1.0-1.2): posts, pages, comments, categories, tags,"
            + " authors. Importing the same file again changes nothing.")
final class ImportWxrCommand extends DatabaseCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "the export file (.xml)")
  Path file;

  ImportWxrCommand() {
    this(Config::fromEnvironment);
  }

  ImportWxrCommand(Supplier<Config> config) {
    super(config);
  }

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(file)) {
      return fail("there is no file " + file);
    }
    long size = Files.size(file);
    PrintWriter out = out();
    out.printf("Importing %s (%,d bytes)%n", file, size);
    out.flush();
    DatabaseSettings settings = DatabaseSettings.from(config());
    try (Database database = TornFileRepair.open(settings)) {
      Migrations.migrate(database.dataSource());
      // An earlier import cut off by a crash (an upload on the import screen) is taken back
      // first; on an embedded file no other process can be importing: this one holds the file.
      int undone =
          DataTools.importer(database, Clock.systemUTC())
              .undoUnfinished(
                  database.isEmbeddedFile() ? Duration.ZERO : WxrImporter.ABANDONED_AFTER);
      if (undone > 0) {
        out.println("An earlier import that did not finish was taken back.");
      }
      if (!database.isEmbeddedFile()) {
        return report(importInto(database, size), out);
      }
    } catch (WxrException e) {
      return fail(e.getMessage() + " Nothing was imported.");
    }
    // The embedded file: imported into a copy that takes the file's place once complete, so a
    // crash at any moment leaves the file as it was.
    try {
      ImportReport report =
          FileCopyWrite.run(
              settings,
              "importing",
              copy -> {
                try (Database database = Database.open(copy)) {
                  return importInto(database, size);
                }
              });
      return report(report, out);
    } catch (WxrException e) {
      return fail(e.getMessage() + " Nothing was imported.");
    }
  }

  private ImportReport importInto(Database database, long size) throws IOException {
    PrintWriter out = out();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      Progress progress = new Progress(out);
      ImportReport report =
          DataTools.importer(database, Clock.systemUTC()).importFrom(in, size, progress);
      progress.done();
      return report;
    }
  }

  private static int report(ImportReport report, PrintWriter out) {
    report.lines().forEach(line -> out.println("  " + line));
    report.leftOutLines().forEach(line -> out.println("    - " + line));
    for (String note : report.notes()) {
      out.println("  Note: " + note);
    }
    out.println(report.changedAnything() ? "Done." : "Done: nothing new to import.");
    return 0;
  }

  /** One line per tenth of the file read. */
  private static final class Progress implements blog.core.wxr.ImportProgress {
    private final PrintWriter out;
    private int shownTenths;
    private int items;

    Progress(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void update(long bytesRead, long totalBytes, int items) {
      this.items = items;
      int tenths = totalBytes > 0 ? (int) Math.min(10, bytesRead * 10 / totalBytes) : 0;
      if (tenths > shownTenths && tenths < 10) {
        shownTenths = tenths;
        out.printf("  %3d%% read, %d items%n", tenths * 10, items);
        out.flush();
      }
    }

    void done() {
      out.printf("  100%% read, %d items%n", items);
    }
  }
}
