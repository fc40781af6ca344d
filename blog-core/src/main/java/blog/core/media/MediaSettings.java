package blog.core.media;

import java.util.Map;

/** Upload limits, stored as {@code media.*} rows in the settings table. */
public record MediaSettings(long maxUploadBytes) {
  public static final String MAX_UPLOAD_BYTES = "media.max-upload-bytes";
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 10L * 1024 * 1024;

  /** Files are held in memory and in one database value: more than this is not offered. */
  public static final long CEILING = 100L * 1024 * 1024;

  /** Reads the stored values; missing or unusable ones fall back to the defaults. */
  public static MediaSettings from(Map<String, String> stored) {
    String raw = stored.get(MAX_UPLOAD_BYTES);
    long max = DEFAULT_MAX_UPLOAD_BYTES;
    if (raw != null) {
      try {
        long value = Long.parseLong(raw.strip());
        if (value > 0) {
          max = Math.min(value, CEILING);
        }
      } catch (NumberFormatException e) {
        // keep the default
      }
    }
    return new MediaSettings(max);
  }
}
