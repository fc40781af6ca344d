package blog.core.wxr;

/** Told after each item of an export is imported, so a long import can show how far it got. */
@FunctionalInterface
public interface ImportProgress {
  ImportProgress NONE = (bytesRead, totalBytes, items) -> {};

  /**
   * @param bytesRead how much of the file has been read
   * @param totalBytes the file's size, or -1 if unknown
   * @param items how many items (posts, pages, attachments…) have been read
   */
  void update(long bytesRead, long totalBytes, int items);
}
