package blog.core.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Writes an embedded H2 database file anew from its own rows: the file's rows as SQL ({@code
 * SCRIPT}, as {@code backup} does), run into a fresh file beside it ({@code RUNSCRIPT}, as {@code
 * restore} does), which then takes the file's place with one rename. Every index and every lock is
 * made anew from the tables' rows.
 *
 * <p>Why: after a {@code kill -9} in the middle of a large write, H2 2.5 can reopen its file torn
 * (the drill in ImportKillDrill brings it about at the first kill): H2 writes each of its maps at
 * its own moment, so a file can hold part of a transaction that was never committed, an index with
 * entries its table lacks, and rows still marked by a transaction that no longer exists, on which a
 * later {@code UPDATE} or {@code DELETE} then spins for ever. The rows themselves read back whole,
 * so a file written anew from them is sound.
 *
 * <p>A rebuild cut off at any moment leaves the file as it was (the fresh file is renamed over it
 * only once complete and on the disk). The file as it was is kept beside it, as {@code
 * NAME.before-rebuild.mv.db}, for the owner to delete. It needs room for two more copies of the
 * data for a moment (the script and the fresh file), and takes some seconds per 10 MB.
 */
public final class H2Rebuild {
  private H2Rebuild() {}

  /**
   * Rebuilds the embedded file of {@code settings}, which no one may have open; answers where the
   * file as it was is kept.
   */
  public static Path rebuild(DatabaseSettings settings) {
    Path file = settings.embeddedFile();
    Path base = settings.embeddedFileBase();
    Path script = base.resolveSibling(base.getFileName() + ".rebuild.sql");
    DatabaseSettings fresh =
        settings.withEmbeddedFileBase(base.resolveSibling(base.getFileName() + ".rebuilding"));
    Path freshFile = fresh.embeddedFile();
    Path aside = base.resolveSibling(base.getFileName() + ".before-rebuild.mv.db");
    try {
      Files.deleteIfExists(script);
      Files.deleteIfExists(freshFile);
      try (Database torn = Database.open(settings)) {
        new DatabaseBackup(torn.dataSource(), settings).backup(script);
      }
      try (Database anew = Database.open(fresh)) {
        new DatabaseBackup(anew.dataSource(), fresh).restore(script);
      }
      DiskFiles.force(freshFile);
      // The file as it was stays reachable by a second name; then one rename puts the new one in
      // its place, so that at every moment the file's name holds a whole database.
      Files.deleteIfExists(aside);
      try {
        Files.createLink(aside, file);
      } catch (UnsupportedOperationException | IOException noLinks) {
        Files.copy(file, aside);
      }
      Files.move(
          freshFile, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      DiskFiles.force(Objects.requireNonNull(file.getParent()));
      Files.deleteIfExists(script);
      return aside;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not write the database " + file + " anew: " + e.getMessage(), e);
    }
  }
}
