package blog.core.media;

/** What became of an upload. */
public sealed interface UploadResult {
  /**
   * Stored (or found stored already: the same bytes are kept once, under their first name). {@code
   * markdown} is the snippet the editor inserts, {@code ![alt](path)}.
   */
  record Uploaded(StoredMedia media, String markdown) implements UploadResult {
    public String path() {
      return media.path();
    }
  }

  /** Not stored; the message says why, for the person who chose the file. */
  record Refused(String message) implements UploadResult {}
}
