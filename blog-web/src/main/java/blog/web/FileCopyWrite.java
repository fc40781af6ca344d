package blog.web;

import blog.core.db.DatabaseSettings;
import blog.core.db.DiskFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;

/**
 * A large write to the embedded H2 file made all or nothing by making it in a copy of the file,
 * which takes the file's place (one rename) only once it is complete, closed and on the disk. A run
 * cut off (a crash, {@code kill -9}) leaves the blog's file as it was, whatever H2 would make of a
 * crash in the middle of a large write; the copy it leaves behind is deleted by the next run. It
 * needs room on the disk for the copy. Used by the commands that write much at once ({@code
 * generate}, {@code import-wxr}), which run while the blog is stopped.
 */
final class FileCopyWrite {
  /** The work, done on the database the copy holds. */
  @FunctionalInterface
  interface Work<T> {
    T on(DatabaseSettings copy) throws IOException;
  }

  private FileCopyWrite() {}

  /**
   * Copies the file of {@code settings} beside it (its name plus {@code .<suffix>}), does {@code
   * work} on the copy, then renames the copy over the file. The file must not be open: the caller
   * has closed every connection to it.
   *
   * @throws IOException if the file changed while the work ran (a blog started on it meanwhile);
   *     then the file is left as it was
   */
  static <T> T run(DatabaseSettings settings, String suffix, Work<T> work) throws IOException {
    Path file = settings.embeddedFile();
    Path base = settings.embeddedFileBase();
    Path copyBase = base.resolveSibling(base.getFileName() + "." + suffix);
    DatabaseSettings copy = settings.withEmbeddedFileBase(copyBase);
    Path copyFile = copy.embeddedFile();
    Files.deleteIfExists(copyFile);
    Files.deleteIfExists(copyBase.resolveSibling(copyBase.getFileName() + ".trace.db"));
    long size = Files.size(file);
    FileTime modified = Files.getLastModifiedTime(file);
    Files.copy(file, copyFile);
    T result;
    try {
      result = work.on(copy);
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(copyFile);
      throw e;
    }
    DiskFiles.force(copyFile);
    if (Files.size(file) != size || !Files.getLastModifiedTime(file).equals(modified)) {
      Files.deleteIfExists(copyFile);
      throw new IOException(
          "the database "
              + file
              + " changed meanwhile (was the blog started?); it was left as it was. Stop the"
              + " blog and run this again.");
    }
    Files.move(copyFile, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    DiskFiles.force(file.getParent());
    return result;
  }
}
