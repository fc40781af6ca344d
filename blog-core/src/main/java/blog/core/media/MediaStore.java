package blog.core.media;

import blog.core.db.UniqueViolations;
import blog.core.site.SettingsRepository;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Images uploaded from the post editor. What a file is comes from its bytes (see {@link
 * ImageInspector}); the name it came with only labels it. Files are kept in the database, once per
 * content, so every instance serves the same ones, at addresses that never change.
 */
public final class MediaStore {
  private final MediaRepository media;
  private final SettingsRepository settings;
  private final Clock clock;

  public MediaStore(MediaRepository media, SettingsRepository settings, Clock clock) {
    this.media = media;
    this.settings = settings;
    this.clock = clock;
  }

  /** The largest upload accepted now, so the web layer can refuse bigger bodies early. */
  public long maxUploadBytes() {
    return MediaSettings.from(settings.content()).maxUploadBytes();
  }

  /**
   * Checks and stores an image; {@code alt} (may be blank) is the alternative text for the Markdown
   * snippet, else the file name.
   */
  public UploadResult upload(byte[] bytes, String originalName, String alt, long uploaderId) {
    long max = maxUploadBytes();
    if (bytes == null || bytes.length == 0) {
      return new UploadResult.Refused("The file is empty.");
    }
    if (bytes.length > max) {
      return new UploadResult.Refused("The file is too large: at most " + sizeLabel(max) + ".");
    }
    ImageInspector.Result image = ImageInspector.inspect(bytes);
    if (!image.ok()) {
      return new UploadResult.Refused(image.problem());
    }
    String original = MediaNames.original(originalName);
    String sha256 = sha256(bytes);
    StoredMedia stored =
        media
            .findBySha256(sha256)
            .orElseGet(() -> store(sha256, bytes, original, image, uploaderId));
    String markdown = "![" + MediaNames.alt(alt, original) + "](" + stored.path() + ")";
    return new UploadResult.Uploaded(stored, markdown);
  }

  private StoredMedia store(
      String sha256, byte[] bytes, String original, ImageInspector.Result image, long uploaderId) {
    String path = MediaNames.path(sha256, MediaNames.safe(original), image.type());
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    try {
      media.insert(
          sha256,
          path,
          image.type(),
          bytes,
          original,
          image.width(),
          image.height(),
          uploaderId,
          now);
    } catch (RuntimeException e) {
      // The same file uploaded twice at once: the other upload stored it.
      if (!UniqueViolations.isUniqueViolation(e) || media.findBySha256(sha256).isEmpty()) {
        throw e;
      }
    }
    return media.findBySha256(sha256).orElseThrow();
  }

  /** The image at a public path, for serving; empty for any other path. */
  public Optional<StoredMedia> find(String path) {
    return MediaNames.isMediaPath(path) ? media.findByPath(path) : Optional.empty();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** "10 MiB", "1.5 MiB", "200 KiB" or "900 bytes". */
  static String sizeLabel(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024 * 1024) {
      return bytes / 1024 + " KiB";
    }
    return bytes % (1024 * 1024) == 0
        ? bytes / (1024 * 1024) + " MiB"
        : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }
}
