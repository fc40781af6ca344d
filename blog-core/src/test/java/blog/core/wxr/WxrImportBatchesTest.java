package blog.core.wxr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.testing.CommentCounts;
import blog.core.testing.SyntheticWxr;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An import writes in batches, each its own transaction, and is still all or nothing: one that
 * fails after many batches takes them back at once, and one whose process stopped (what survives a
 * crash is what the batches committed) is taken back by {@link WxrImporter#undoUnfinished} — the
 * next start on an embedded database, or another instance on a shared one.
 */
class WxrImportBatchesTest extends FreshDatabases {
  private static final int POSTS = 30;
  private static final int COMMENTS_EACH = 25;

  private static String bigExport() {
    return SyntheticWxr.export(POSTS, COMMENTS_EACH);
  }

  @Test
  void aFileBrokenAfterManyBatchesTakesThemAllBack() {
    WxrKit blog = emptyBlog();
    Map<String, String> before = blog.fingerprint();
    String whole = bigExport();
    String broken = whole.substring(0, whole.lastIndexOf("<item>")) + "<item><title>x</titel>";

    WxrException e = assertThrows(WxrException.class, () -> blog.importText(broken));

    assertTrue(e.getMessage().contains("end-tag"), e.getMessage());
    assertEquals(before, blog.fingerprint(), "nothing of the file is left");
    assertEquals(0, blog.count("SELECT COUNT(*) FROM terms"));
    assertEquals(0, blog.count("SELECT COUNT(*) FROM users WHERE username = 'writer'"));
    assertEquals(
        1, blog.count("SELECT COUNT(*) FROM wxr_imports WHERE undone_at IS NOT NULL"), "recorded");
    CommentCounts.assertAgreeWithRows(blog.jdbi);

    blog.importText(whole);
    assertEquals(POSTS, blog.count("SELECT COUNT(*) FROM posts"), "the same file imports whole");
    assertEquals(POSTS * COMMENTS_EACH, blog.count("SELECT COUNT(*) FROM comments"));
    CommentCounts.assertAgreeWithRows(blog.jdbi);
  }

  @Test
  void inOneTransactionABrokenFileLeavesNoTraceNotEvenItsRecord() {
    WxrKit blog = emptyBlog();
    Map<String, String> before = blog.fingerprint();
    String whole = bigExport();
    byte[] broken =
        (whole.substring(0, whole.lastIndexOf("<item>")) + "<item><title>x</titel>")
            .getBytes(StandardCharsets.UTF_8);
    WxrImporter importer = blog.importer.inOneTransaction();

    assertThrows(
        WxrException.class,
        () ->
            importer.importFrom(
                new ByteArrayInputStream(broken), broken.length, ImportProgress.NONE));

    assertEquals(before, blog.fingerprint());
    assertEquals(0, blog.count("SELECT COUNT(*) FROM wxr_imports"));
    byte[] export = whole.getBytes(StandardCharsets.UTF_8);
    importer.importFrom(new ByteArrayInputStream(export), export.length, ImportProgress.NONE);
    assertEquals(POSTS * COMMENTS_EACH, blog.count("SELECT COUNT(*) FROM comments"));
    assertEquals(1, blog.count("SELECT COUNT(*) FROM wxr_imports WHERE finished_at IS NOT NULL"));
    CommentCounts.assertAgreeWithRows(blog.jdbi);
  }

  @Test
  void anImportWhoseProcessStoppedIsTakenBackAndTheSameFileThenImportsWhole() throws Exception {
    WxrKit blog = emptyBlog();
    Map<String, String> before = blog.fingerprint();
    byte[] export = bigExport().getBytes(StandardCharsets.UTF_8);
    // Every row is committed as it is written, so what stands while the import waits is exactly
    // what a crash at that moment would leave behind.
    WxrImporter importer = blog.importer.inBatchesOf(1);
    CountDownLatch halfway = new CountDownLatch(1);
    CountDownLatch goOn = new CountDownLatch(1);
    CompletableFuture<ImportReport> running =
        CompletableFuture.supplyAsync(
            () ->
                importer.importFrom(
                    new ByteArrayInputStream(export),
                    export.length,
                    (read, total, items) -> {
                      if (items == POSTS / 2) {
                        halfway.countDown();
                        await(goOn);
                      }
                    }));
    try {
      assertTrue(halfway.await(60, TimeUnit.SECONDS), "the import got half-way");
      long posts = blog.count("SELECT COUNT(*) FROM posts");
      assertTrue(posts >= POSTS / 2 - 1, "half the posts are committed: " + posts);
      assertEquals(0, importer.undoUnfinished(WxrImporter.ABANDONED_AFTER), "it is alive");

      assertEquals(1, importer.undoUnfinished(Duration.ZERO), "taken back as after a crash");

      assertEquals(before, blog.fingerprint(), "nothing of the import is left");
      assertEquals(0, blog.count("SELECT COUNT(*) FROM terms"));
      CommentCounts.assertAgreeWithRows(blog.jdbi);
    } finally {
      goOn.countDown();
    }
    // The process was not dead after all: it finds out at its next batch and stops.
    ExecutionException stopped = assertThrows(ExecutionException.class, running::get);
    assertTrue(stopped.getCause() instanceof WxrException, stopped.toString());
    assertTrue(stopped.getCause().getMessage().contains("taken back"), stopped.toString());
    assertEquals(before, blog.fingerprint(), "what it wrote after is taken back too");

    blog.importBytes(export);
    assertEquals(POSTS, blog.count("SELECT COUNT(*) FROM posts"));
    assertEquals(POSTS * COMMENTS_EACH, blog.count("SELECT COUNT(*) FROM comments"));
    assertEquals(
        POSTS * SyntheticWxr.threadedOf(COMMENTS_EACH),
        blog.count("SELECT COUNT(*) FROM comments WHERE parent_id IS NOT NULL"),
        "threads kept");
    assertEquals(0, importer.undoUnfinished(Duration.ZERO), "a finished import is never undone");
    assertEquals(POSTS, blog.count("SELECT COUNT(*) FROM posts"));
    CommentCounts.assertAgreeWithRows(blog.jdbi);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test did not let the import go on");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
