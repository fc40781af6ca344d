package blog.core.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.site.SettingsRepository;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import blog.core.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MediaStoreTest extends DatabaseTestBase {
  private static final AtomicInteger SEED = new AtomicInteger(1);
  private static final Instant NOW = Instant.parse("2032-03-01T09:00:00Z");

  private MediaStore store;
  private SettingsRepository settings;
  private long uploader;

  @Override
  protected void prepare() {
    var jdbi = db.database().jdbi();
    settings = new SettingsRepository(jdbi);
    store = new MediaStore(new MediaRepository(jdbi), settings, new MutableClock(NOW));
    uploader = new Fixtures(jdbi).author("Uploader");
  }

  @BeforeEach
  void defaultLimit() {
    settings.putAll(
        Map.of(
            MediaSettings.MAX_UPLOAD_BYTES, Long.toString(MediaSettings.DEFAULT_MAX_UPLOAD_BYTES)));
  }

  /** A PNG no other test uploads (the store keeps each content once). */
  private static byte[] freshPng() {
    return TestImages.image("png", 4, 3, SEED.incrementAndGet());
  }

  private UploadResult.Uploaded uploaded(byte[] bytes, String name, String alt) {
    return assertInstanceOf(UploadResult.Uploaded.class, store.upload(bytes, name, alt, uploader));
  }

  private String refusal(byte[] bytes, String name) {
    return assertInstanceOf(UploadResult.Refused.class, store.upload(bytes, name, "", uploader))
        .message();
  }

  @Test
  void anImageIsStoredUnderAStablePathAndServedBack() {
    byte[] png = freshPng();
    UploadResult.Uploaded up = uploaded(png, "Holiday Photo.png", "Our beach");
    StoredMedia media = up.media();
    String sha = MediaStore.sha256(png);
    assertEquals("/media/" + sha.substring(0, 16) + "/holiday-photo.png", up.path());
    assertEquals("![Our beach](" + up.path() + ")", up.markdown());
    assertEquals(ImageType.PNG, media.type());
    assertEquals(4, media.width());
    assertEquals(3, media.height());
    assertEquals(uploader, media.createdBy());
    assertEquals(NOW, media.createdAt());
    assertEquals("Holiday Photo.png", media.originalName());

    StoredMedia served = store.find(up.path()).orElseThrow();
    assertArrayEquals(png, served.data());
    assertEquals("image/png", served.contentType());
    assertEquals(sha, served.sha256());
  }

  @Test
  void everyFormatIsStoredWithTheExtensionOfItsBytes() {
    byte[] jpeg = TestImages.image("jpeg", 8, 8, SEED.incrementAndGet());
    byte[] gif = TestImages.image("gif", 8, 8, SEED.incrementAndGet());
    assertTrue(uploaded(jpeg, "photo.png", "").path().endsWith("/photo.jpg"));
    assertTrue(uploaded(gif, "anim", "").path().endsWith("/anim.gif"));
    UploadResult.Uploaded webp = uploaded(TestImages.WEBP_LOSSY, "tiny.webp", "");
    assertTrue(webp.path().endsWith("/tiny.webp"));
    assertEquals("image/webp", store.find(webp.path()).orElseThrow().contentType());
  }

  @Test
  void theSameBytesAreKeptOnce() {
    byte[] png = freshPng();
    UploadResult.Uploaded first = uploaded(png, "first.png", "");
    UploadResult.Uploaded again = uploaded(png, "second name.png", "Second");
    assertEquals(first.media().id(), again.media().id());
    assertEquals(first.path(), again.path(), "the first name stays");
    assertEquals("![Second](" + first.path() + ")", again.markdown());
    int rows =
        db.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT COUNT(*) FROM media WHERE sha256 = :sha")
                        .bind("sha", MediaStore.sha256(png))
                        .mapTo(Integer.class)
                        .one());
    assertEquals(1, rows);
  }

  @Test
  void disguisedFilesAreRefusedWithAClearMessage() {
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    assertEquals("This file is not a PNG, JPEG, GIF or WebP image.", refusal(html, "cat.png"));
    byte[] fakePng = TestImages.concat(Arrays.copyOf(freshPng(), 8), html);
    assertEquals("This file starts like a PNG image but is damaged.", refusal(fakePng, "x.png"));
    assertEquals("The file is empty.", refusal(new byte[0], "empty.png"));
    assertTrue(store.find("/media/0000000000000000/cat.png").isEmpty());
  }

  @Test
  void filesOverTheConfiguredLimitAreRefused() {
    byte[] png = TestImages.image("png", 60, 60, SEED.incrementAndGet());
    assertTrue(png.length > 1000, "test image of " + png.length + " bytes");
    settings.putAll(Map.of(MediaSettings.MAX_UPLOAD_BYTES, "1000"));
    assertEquals(1000, store.maxUploadBytes());
    assertEquals("The file is too large: at most 1000 bytes.", refusal(png, "big.png"));
    settings.putAll(Map.of(MediaSettings.MAX_UPLOAD_BYTES, Integer.toString(png.length)));
    uploaded(png, "big.png", "");
  }

  @Test
  void theLimitDefaultsToTenMebibytes() {
    settings.putAll(Map.of(MediaSettings.MAX_UPLOAD_BYTES, "not a number"));
    assertEquals(10L * 1024 * 1024, store.maxUploadBytes());
    byte[] over = TestImages.concat(freshPng(), new byte[10 * 1024 * 1024]);
    assertEquals("The file is too large: at most 10 MiB.", refusal(over, "huge.png"));
  }

  @Test
  void namesFromTheBrowserAreCleaned() {
    UploadResult.Uploaded up =
        uploaded(freshPng(), "..\\..\\C:/etc/Pässwörd [1]\u0007 \"x\".PHP.png", "");
    assertTrue(up.path().endsWith("/password-1-x-php.png"), up.path());
    assertEquals("Pässwörd [1] \"x\".PHP.png", up.media().originalName());
    assertEquals("![Pässwörd 1 \"x\".PHP](" + up.path() + ")", up.markdown());
    UploadResult.Uploaded nameless = uploaded(freshPng(), "", "");
    assertTrue(nameless.path().endsWith("/image.png"), nameless.path());
    UploadResult.Uploaded symbols = uploaded(freshPng(), "!!!.png", "a]\n(b)[");
    assertTrue(symbols.path().endsWith("/image.png"), symbols.path());
    assertEquals("![a (b)](" + symbols.path() + ")", symbols.markdown());
  }

  @Test
  void onlyWellFormedMediaPathsAreLookedUp() {
    String path = uploaded(freshPng(), "ok.png", "").path();
    assertTrue(store.find(path).isPresent());
    assertTrue(store.find(path.toUpperCase(java.util.Locale.ROOT)).isEmpty());
    assertTrue(store.find(path + "?x").isEmpty());
    assertTrue(store.find("/media/../etc/passwd").isEmpty());
    assertTrue(store.find(null).isEmpty());
    assertTrue(store.find("' OR 1=1 --").isEmpty());
  }
}
