package blog.core.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Files written through to the disk, for the steps that must survive a power loss in order. */
public final class DiskFiles {
  private DiskFiles() {}

  /** Writes a file's contents (or a folder's entries, after a rename in it) to the disk. */
  public static void force(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
