package blog.core.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Tells what image a file really is from its bytes, never from its name: the magic number picks the
 * format, and PNG, JPEG and GIF must then decode with javax.imageio (WebP, which the JDK cannot
 * decode, must have a consistent RIFF container and frame header). Decoding is subsampled so that a
 * huge image costs time in proportion to its size but little memory, and images above {@link
 * #MAX_PIXELS} are refused before decoding (decompression bombs).
 */
final class ImageInspector {
  static final long MAX_PIXELS = 50_000_000L;
  private static final long DECODED_PIXELS = 1_000_000L;

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
  private static final byte[] GIF87 = ascii("GIF87a");
  private static final byte[] GIF89 = ascii("GIF89a");
  private static final byte[] RIFF = ascii("RIFF");
  private static final byte[] WEBP = ascii("WEBP");

  /** What an inspection found: an image with its size, or why the file is refused. */
  record Result(ImageType type, Integer width, Integer height, String problem) {
    boolean ok() {
      return problem == null;
    }

    static Result refused(String problem) {
      return new Result(null, null, null, problem);
    }

    static Result damaged(ImageType type) {
      return refused("This file starts like a " + type.name() + " image but is damaged.");
    }
  }

  private ImageInspector() {}

  static Result inspect(byte[] bytes) {
    ImageType type = typeOf(bytes);
    if (type == null) {
      return Result.refused("This file is not a PNG, JPEG, GIF or WebP image.");
    }
    return type == ImageType.WEBP ? WebpHeader.inspect(bytes) : decode(type, bytes);
  }

  static ImageType typeOf(byte[] b) {
    if (startsWith(b, PNG, 0)) {
      return ImageType.PNG;
    }
    if (startsWith(b, JPEG, 0)) {
      return ImageType.JPEG;
    }
    if (startsWith(b, GIF87, 0) || startsWith(b, GIF89, 0)) {
      return ImageType.GIF;
    }
    if (startsWith(b, RIFF, 0) && startsWith(b, WEBP, 8)) {
      return ImageType.WEBP;
    }
    return null;
  }

  private static Result decode(ImageType type, byte[] bytes) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.imageIoFormat());
    if (!readers.hasNext()) {
      throw new IllegalStateException("no javax.imageio reader for " + type);
    }
    ImageReader reader = readers.next();
    // A memory-cached stream: ImageIO's default may spill to temporary files.
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width <= 0 || height <= 0) {
        return Result.damaged(type);
      }
      if ((long) width * height > MAX_PIXELS) {
        return Result.refused(tooLarge(width, height));
      }
      ImageReadParam param = reader.getDefaultReadParam();
      int step = (int) Math.ceil(Math.sqrt((double) width * height / DECODED_PIXELS));
      param.setSourceSubsampling(Math.max(1, step), Math.max(1, step), 0, 0);
      reader.read(0, param);
      return new Result(type, width, height, null);
    } catch (IOException | RuntimeException e) {
      // Decoders throw all sorts of unchecked exceptions on malformed input; each means "damaged".
      return Result.damaged(type);
    } finally {
      reader.dispose();
    }
  }

  static String tooLarge(int width, int height) {
    return "This image is too large ("
        + width
        + " × "
        + height
        + " pixels; at most "
        + MAX_PIXELS / 1_000_000
        + " million pixels).";
  }

  private static boolean startsWith(byte[] bytes, byte[] magic, int at) {
    return bytes.length >= at + magic.length
        && Arrays.equals(bytes, at, at + magic.length, magic, 0, magic.length);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
