package blog.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.config.Config;
import blog.core.testing.DbKind;
import blog.core.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** import-wxr, export-wxr, backup and restore as an operator runs them. */
class DataCommandsTest {
  @TempDir Path dir;

  @Test
  void importWxrPrintsProgressAndCountsAndIsIdempotent() throws IOException {
    Path file = fixture("theme-unit-test-data.xml");
    try (TestDatabase db = TestDatabase.createEmpty(DbKind.H2)) {
      Run first = run(new ImportWxrCommand(() -> config(db)), file.toString());
      assertEquals(0, first.code, first.err);
      assertTrue(first.out.contains("  10% read, "), first.out);
      assertTrue(first.out.contains("  100% read, 186 items"), first.out);
      assertTrue(first.out.contains("Posts: 58 created, 0 already there"), first.out);
      assertTrue(first.out.contains("Comments: 33 created, 0 already there"), first.out);
      assertTrue(first.out.contains("Note: Post 1168"), first.out);

      Run second = run(new ImportWxrCommand(() -> config(db)), file.toString());
      assertEquals(0, second.code);
      assertTrue(second.out.contains("Done: nothing new to import."), second.out);
      assertEquals(79, count(db, "SELECT COUNT(*) FROM posts"));
    }
  }

  @Test
  void importWxrImportsAroundAnItemItCannotImportNamesItAndSucceeds() throws IOException {
    String items = Files.readString(fixture("valid-wxr-1.1.xml"));
    int second =
        items.indexOf("<wp:post_id>", items.indexOf("<item>", items.indexOf("<item>") + 1));
    String odd =
        items.substring(0, second)
            + items.substring(items.indexOf("</wp:post_id>", second) + "</wp:post_id>".length());
    Path file = dir.resolve("odd.xml");
    Files.writeString(file, odd);
    try (TestDatabase db = TestDatabase.createEmpty(DbKind.H2)) {
      Run run = run(new ImportWxrCommand(() -> config(db)), file.toString());
      assertEquals(0, run.code, run.err);
      assertTrue(run.out.contains("Could not be imported (listed below): 1"), run.out);
      assertTrue(
          run.out.contains("    - \"About\": not imported: it has no <wp:post_id>\n"), run.out);
      assertEquals(0, count(db, "SELECT COUNT(*) FROM posts WHERE title = 'About'"));
      assertTrue(count(db, "SELECT COUNT(*) FROM posts") > 0);
      assertTrue(run.out.contains("Done."), run.out);
    }
  }

  @Test
  void importWxrRefusesAHostileFileAndSaysNothingWasImported() throws IOException {
    Path file = dir.resolve("xxe.xml");
    Files.writeString(
        file,
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss>&x;</rss>");
    try (TestDatabase db = TestDatabase.createEmpty(DbKind.H2)) {
      Run run = run(new ImportWxrCommand(() -> config(db)), file.toString());
      assertEquals(1, run.code);
      assertTrue(
          run.err.startsWith("blog: import-wxr: The file declares a document type"), run.err);
      assertTrue(run.err.contains("Nothing was imported."), run.err);
      assertFalse(run.err.contains("root:"), run.err);
      Run missing = run(new ImportWxrCommand(() -> config(db)), dir.resolve("nope.xml").toString());
      assertEquals(1, missing.code);
      assertTrue(missing.err.contains("there is no file"), missing.err);
    }
  }

  @Test
  void exportWxrWritesAFileThatImportsIntoAnEmptyBlog() throws IOException {
    Path export = dir.resolve("export.xml");
    try (TestDatabase source = TestDatabase.createEmpty(DbKind.H2);
        TestDatabase target = TestDatabase.createEmpty(DbKind.H2)) {
      run(new ImportWxrCommand(() -> config(source)), fixture("small-export.xml").toString());
      Run exported = run(new ExportWxrCommand(() -> config(source)), export.toString());
      assertEquals(0, exported.code, exported.err);
      assertTrue(
          exported.out.startsWith("Exported 6 posts, 5 pages and 1 comments to "), exported.out);
      assertTrue(Files.readString(export).contains("<wp:wxr_version>1.2</wp:wxr_version>"));
      assertFalse(Files.exists(dir.resolve("export.xml.partial")));

      Run imported = run(new ImportWxrCommand(() -> config(target)), export.toString());
      assertTrue(imported.out.contains("Posts: 6 created"), imported.out);
      assertTrue(imported.out.contains("Pages: 5 created"), imported.out);
      assertTrue(imported.out.contains("Comments: 1 created"), imported.out);
    }
  }

  @Test
  void backupAndRestoreIntoAnEmptyDatabase() throws IOException {
    Path backup = dir.resolve("blog.sql");
    try (TestDatabase source = TestDatabase.createEmpty(DbKind.H2);
        TestDatabase target = TestDatabase.createEmpty(DbKind.H2)) {
      run(new ImportWxrCommand(() -> config(source)), fixture("small-export.xml").toString());
      Run backedUp = run(new BackupCommand(() -> config(source)), backup.toString());
      assertEquals(0, backedUp.code, backedUp.err);
      assertTrue(Files.size(backup) > 1000);
      Run twice = run(new BackupCommand(() -> config(source)), backup.toString());
      assertEquals(1, twice.code);
      assertTrue(twice.err.contains("exists already"), twice.err);

      Run restored = run(new RestoreCommand(() -> config(target)), backup.toString());
      assertEquals(0, restored.code, restored.err);
      assertEquals(11, count(target, "SELECT COUNT(*) FROM posts"));
      assertEquals(1, count(target, "SELECT COUNT(*) FROM comments"));

      Run again = run(new RestoreCommand(() -> config(target)), backup.toString());
      assertEquals(1, again.code);
      assertTrue(again.err.contains("is not empty"), again.err);
    }
  }

  @Test
  void backupOfPostgresPrintsThePgDumpCommand() {
    Config postgres =
        Config.of(
            Map.of(
                "db.url", "jdbc:postgresql://127.0.0.1:1/blog",
                "db.user", "blog"));
    Run run = run(new BackupCommand(() -> postgres), dir.resolve("b.sql").toString());
    assertEquals(1, run.code);
    assertTrue(run.err.contains("pg_dump --format=custom"), run.err);
    assertTrue(run.err.contains("--username=blog blog"), run.err);
  }

  private record Run(int code, String out, String err) {}

  private static Run run(Callable<Integer> command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Config config(TestDatabase db) {
    return Config.of(
        Map.of(
            "db.url", db.settings().url(),
            "db.user", db.settings().user(),
            "db.password", db.settings().password()));
  }

  private static long count(TestDatabase db, String sql) {
    Jdbi jdbi = db.database().jdbi();
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private Path fixture(String name) throws IOException {
    Path file = dir.resolve(name);
    try (InputStream in = DataCommandsTest.class.getResourceAsStream("/wxr/" + name)) {
      Files.copy(in, file);
    }
    return file;
  }
}
