package blog.core.media;

import java.nio.charset.StandardCharsets;

/**
 * Checks a WebP file's RIFF container and the header of its first chunk (VP8, VP8L or VP8X) and
 * reads the image size from it. The JDK has no WebP decoder, so this is as far as it goes: a file
 * with valid headers and broken image data passes (and shows as a broken image, harmlessly, since
 * it is only ever served as image/webp).
 */
final class WebpHeader {
  private WebpHeader() {}

  static ImageInspector.Result inspect(byte[] b) {
    ImageInspector.Result damaged = ImageInspector.Result.damaged(ImageType.WEBP);
    if (b.length < 30 || le32(b, 4) + 8L != b.length) {
      return damaged;
    }
    String chunk = new String(b, 12, 4, StandardCharsets.US_ASCII);
    if (20 + le32(b, 16) > b.length) {
      return damaged;
    }
    int width;
    int height;
    switch (chunk) {
      case "VP8 " -> {
        // A key frame: bit 0 of the frame tag clear, then the start code 9d 01 2a.
        if ((b[20] & 1) != 0 || (b[23] & 0xff) != 0x9d || b[24] != 0x01 || b[25] != 0x2a) {
          return damaged;
        }
        width = le16(b, 26) & 0x3fff;
        height = le16(b, 28) & 0x3fff;
      }
      case "VP8L" -> {
        if ((b[20] & 0xff) != 0x2f) {
          return damaged;
        }
        long bits = le32(b, 21);
        width = (int) (bits & 0x3fff) + 1;
        height = (int) ((bits >> 14) & 0x3fff) + 1;
      }
      case "VP8X" -> {
        width = le24(b, 24) + 1;
        height = le24(b, 27) + 1;
      }
      default -> {
        return damaged;
      }
    }
    if (width <= 0 || height <= 0) {
      return damaged;
    }
    if ((long) width * height > ImageInspector.MAX_PIXELS) {
      return ImageInspector.Result.refused(ImageInspector.tooLarge(width, height));
    }
    return new ImageInspector.Result(ImageType.WEBP, width, height, null);
  }

  private static int le16(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
  }

  private static int le24(byte[] b, int at) {
    return le16(b, at) | (b[at + 2] & 0xff) << 16;
  }

  private static long le32(byte[] b, int at) {
    return le24(b, at) | (long) (b[at + 3] & 0xff) << 24;
  }
}
