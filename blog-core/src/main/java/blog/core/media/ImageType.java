package blog.core.media;

/** The image formats the editor accepts, recognised by their bytes. */
public enum ImageType {
  PNG("image/png", "png", "png"),
  JPEG("image/jpeg", "jpg", "jpeg"),
  GIF("image/gif", "gif", "gif"),
  /** No javax.imageio reader ships with the JDK for WebP: only its headers are checked. */
  WEBP("image/webp", "webp", null);

  private final String contentType;
  private final String extension;
  private final String imageIoFormat;

  ImageType(String contentType, String extension, String imageIoFormat) {
    this.contentType = contentType;
    this.extension = extension;
    this.imageIoFormat = imageIoFormat;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  /** The javax.imageio format name that decodes it, or null if the JDK has none. */
  String imageIoFormat() {
    return imageIoFormat;
  }
}
