package blog.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageInspectorTest {
  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] garbage(int length) {
    byte[] bytes = new byte[length];
    new Random(42).nextBytes(bytes);
    return bytes;
  }

  @Test
  void realImagesAreRecognisedWithTheirSize() {
    assertImage(TestImages.image("png", 7, 5, 1), ImageType.PNG, 7, 5);
    assertImage(TestImages.image("jpeg", 16, 9, 1), ImageType.JPEG, 16, 9);
    assertImage(TestImages.image("gif", 3, 4, 1), ImageType.GIF, 3, 4);
    assertImage(TestImages.WEBP_LOSSLESS, ImageType.WEBP, 1, 1);
    assertImage(TestImages.WEBP_LOSSY, ImageType.WEBP, 1, 1);
    assertImage(TestImages.WEBP_EXTENDED, ImageType.WEBP, 1, 1);
  }

  @Test
  void aLargeImageDecodesSubsampled() {
    assertImage(TestImages.image("png", 2500, 1200, 3), ImageType.PNG, 2500, 1200);
  }

  private static void assertImage(byte[] bytes, ImageType type, int width, int height) {
    ImageInspector.Result result = ImageInspector.inspect(bytes);
    assertTrue(result.ok(), result.problem());
    assertEquals(type, result.type());
    assertEquals(width, result.width());
    assertEquals(height, result.height());
  }

  @Test
  void textHtmlAndSvgAreNotImages() {
    for (String text :
        new String[] {
          "<html><script>alert(1)</script></html>",
          "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>",
          "just text",
          "GIF8",
          "RIFF\0\0\0\0WAVEfmt "
        }) {
      ImageInspector.Result result = ImageInspector.inspect(ascii(text));
      assertFalse(result.ok(), text);
      assertEquals("This file is not a PNG, JPEG, GIF or WebP image.", result.problem());
    }
  }

  @Test
  void aRightMagicNumberFollowedByGarbageIsRefusedAsDamaged() {
    byte[] png = TestImages.image("png", 10, 10, 2);
    byte[] jpeg = TestImages.image("jpeg", 10, 10, 2);
    byte[] gif = TestImages.image("gif", 10, 10, 2);
    assertDamaged(TestImages.concat(Arrays.copyOf(png, 8), garbage(500)), "PNG");
    assertDamaged(TestImages.concat(Arrays.copyOf(jpeg, 3), garbage(500)), "JPEG");
    assertDamaged(TestImages.concat(Arrays.copyOf(gif, 6), garbage(500)), "GIF");
    assertDamaged(Arrays.copyOf(png, png.length / 2), "PNG");
    assertDamaged(Arrays.copyOf(gif, gif.length - 20), "GIF");
  }

  @Test
  void webpWithInconsistentHeadersIsRefused() {
    byte[] wrongSize = TestImages.WEBP_LOSSY.clone();
    wrongSize[4]++;
    assertDamaged(wrongSize, "WEBP");
    byte[] noStartCode = TestImages.WEBP_LOSSY.clone();
    noStartCode[23] = 0;
    assertDamaged(noStartCode, "WEBP");
    byte[] unknownChunk = TestImages.WEBP_LOSSLESS.clone();
    unknownChunk[15] = 'Q';
    assertDamaged(unknownChunk, "WEBP");
    byte[] headerOnly = Arrays.copyOf(ascii("RIFF\u0004\0\0\0WEBP"), 12);
    assertDamaged(headerOnly, "WEBP");
  }

  @Test
  void hugeImagesAreRefusedBeforeDecoding() {
    ImageInspector.Result result = ImageInspector.inspect(TestImages.pngClaiming(20_000, 20_000));
    assertFalse(result.ok());
    assertTrue(
        result.problem().startsWith("This image is too large (20000 × 20000"), result.problem());
  }

  private static void assertDamaged(byte[] bytes, String type) {
    ImageInspector.Result result = ImageInspector.inspect(bytes);
    assertFalse(result.ok(), type);
    assertEquals("This file starts like a " + type + " image but is damaged.", result.problem());
  }
}
