package blog.core.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Room left on the disk that holds the embedded H2 database. H2 cannot go on after a write to its
 * file fails (it closes the database, and readers get errors until it is opened again), so the blog
 * stops taking writes a little before the disk is full: a write is refused while less than {@code
 * db.min-free-bytes} are left, before it changes anything, and taken again once there is room.
 */
public final class DiskSpace {
  private final Path directory;
  private final long minFreeBytes;

  private DiskSpace(Path directory, long minFreeBytes) {
    this.directory = directory;
    this.minFreeBytes = minFreeBytes;
  }

  /** The disk of the settings' database, if it is an H2 file this process writes; else none. */
  public static Optional<DiskSpace> of(DatabaseSettings settings) {
    if (!settings.isEmbeddedH2File() || settings.minFreeBytes() <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new DiskSpace(
            Objects.requireNonNull(settings.embeddedFileBase().getParent()),
            settings.minFreeBytes()));
  }

  /** Throws {@link NotStoredException} when the disk is (nearly) full. */
  public void requireRoom() {
    long left = usableBytes();
    if (left < minFreeBytes) {
      throw new NotStoredException(
          "The disk holding the database is full ("
              + left / (1024 * 1024)
              + " MiB left, "
              + minFreeBytes / (1024 * 1024)
              + " MiB kept free); nothing was changed");
    }
  }

  public boolean hasRoom() {
    return usableBytes() >= minFreeBytes;
  }

  /** Asked of the file system each time (one statvfs call, a microsecond or two). */
  private long usableBytes() {
    Path existing = directory;
    while (existing != null && !Files.isDirectory(existing)) {
      existing = existing.getParent();
    }
    try {
      return existing == null ? Long.MAX_VALUE : Files.getFileStore(existing).getUsableSpace();
    } catch (IOException e) {
      return Long.MAX_VALUE; // cannot tell: let H2 itself report a failing write
    }
  }
}
