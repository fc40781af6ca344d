package blog.core.media;

import java.time.Instant;

/**
 * An uploaded image as stored. {@code path} is its public address, {@code
 * /media/<sha256-prefix>/<name>.<ext>}; its content never changes, so it may be cached for good.
 * {@code data} is the stored array itself (not copied, as images are large): do not change it.
 */
public record StoredMedia(
    long id,
    String sha256,
    String path,
    ImageType type,
    byte[] data,
    String originalName,
    Integer width,
    Integer height,
    Long createdBy,
    Instant createdAt) {

  public String contentType() {
    return type.contentType();
  }

  public int size() {
    return data.length;
  }
}
