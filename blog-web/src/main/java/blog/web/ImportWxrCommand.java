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
    try (Database database = Database.open(DatabaseSettings.from(config()));
        InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      Migrations.migrate(database.dataSource());
      WxrImporter importer = DataTools.importer(database, Clock.systemUTC());
      // An earlier import cut off by a crash is taken back first (on an embedded file no other
      // process can be importing: this one holds the file).
      int undone =
          importer.undoUnfinished(
              database.isEmbeddedFile() ? Duration.ZERO : WxrImporter.ABANDONED_AFTER);
      if (undone > 0) {
        out.println("An earlier import that did not finish was taken back.");
      }
      Progress progress = new Progress(out);
      ImportReport report = importer.importFrom(in, size, progress);
      progress.done();
      report.lines().forEach(line -> out.println("  " + line));
      report.leftOutLines().forEach(line -> out.println("    - " + line));
      for (String note : report.notes()) {
        out.println("  Note: " + note);
      }
      out.println(report.changedAnything() ? "Done." : "Done: nothing new to import.");
      return 0;
    } catch (WxrException e) {
      return fail(e.getMessage() + " Nothing was imported.");
    }
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
