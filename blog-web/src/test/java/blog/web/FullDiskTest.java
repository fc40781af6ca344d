package blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.testing.DbKind;
import blog.core.testing.Slow;
import blog.web.testing.AppProcess;
import blog.web.testing.Browser;
import blog.web.testing.CrashDrill;
import blog.web.testing.EditorForms;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded database's disk fills up under a running blog, for real: the database lives on a
 * small tmpfs the test mounts (as root; elsewhere the test is skipped, never under CI), and a file
 * takes the rest of it. A comment and an editor save are refused with "Not saved yet" and
 * everything typed given back, readers keep reading (kept and uncached pages), nothing half-written
 * is left, and writes work again once there is room.
 */
@Slow
class FullDiskTest {
  private Path disk;

  @BeforeEach
  void mountASmallDisk() throws Exception {
    disk = Files.createTempDirectory("blog-small-disk");
    Process mount =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", disk.toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(mount.getInputStream().readAllBytes());
    boolean mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
    if (!mounted) {
      Files.deleteIfExists(disk);
      String why = "cannot mount a tmpfs here (needs root): " + said;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(why + " (required under CI=true)");
      }
      Assumptions.abort(why);
    }
  }

  @AfterEach
  void unmount() throws Exception {
    if (disk != null && Files.exists(disk)) {
      new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor(30, TimeUnit.SECONDS);
      Files.deleteIfExists(disk);
    }
  }

  @Test
  void aFullDiskRefusesWritesKeepsWhatWasTypedAndWritesWorkAgainWithRoom() throws Exception {
    try (CrashDrill drill = CrashDrill.create(DbKind.H2, disk).openFloodGates()) {
      String editor = drill.staff("editor", Role.ADMIN).username();
      String post;
      try (AppProcess app = drill.start("full-disk")) {
        Browser reader = new Browser(app);
        post = CrashDrill.seedArticle(app);
        assertEquals(303, comment(reader, post, "Written while there was room").statusCode());
        Browser staff = CrashRecoveryTest.loggedIn(app, editor);
        String editorPage = staff.page("/admin/posts/new");

        // As a disk fills: first below the room the blog keeps free, which pauses H2's own writer
        // (within a second, said in the log), then to the last byte.
        Path filler = fill(disk, "filler", 4 * 1024 * 1024);
        app.awaitOutput("The database's disk is full", Duration.ofSeconds(20));
        Path rest = fill(disk, "rest", 0);
        HttpResponse<String> refused = comment(reader, post, "Typed while the disk was full");
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Not saved yet"), refused.body());
        assertTrue(refused.body().contains("Typed while the disk was full"), "the text comes back");
        assertFalse(refused.headers().firstValue("Location").isPresent(), "no redirect to it");

        HttpResponse<String> save = staff.post("/admin/posts", postForm(editorPage));
        assertEquals(503, save.statusCode(), save.body());
        assertTrue(save.body().contains("A post written on a full disk"), "the title comes back");

        assertEquals(200, reader.get(post).statusCode(), "a kept page");
        HttpResponse<String> search = reader.get("/?s=quality");
        assertEquals(200, search.statusCode(), "an uncached page reads the database");
        assertFalse(reader.page(post).contains("Typed while the disk was full"));

        Files.delete(rest);
        Files.delete(filler);
        assertEquals(303, comment(reader, post, "Written once there was room again").statusCode());
        assertTrue(reader.page(post).contains("Written once there was room again"));
        app.kill();
      }
      Map<String, Long> stored = new HashMap<>();
      drill
          .query(h -> h.createQuery("SELECT body_source FROM comments").mapTo(String.class).list())
          .forEach(text -> stored.merge(text, 1L, Long::sum));
      assertEquals(1L, stored.get("Written while there was room"));
      assertEquals(1L, stored.get("Written once there was room again"));
      assertFalse(stored.containsKey("Typed while the disk was full"), "nothing half-written");
      long posts =
          drill.query(
              h ->
                  h.createQuery("SELECT COUNT(*) FROM posts WHERE title LIKE 'A post written%'")
                      .mapTo(Long.class)
                      .one());
      assertEquals(0, posts);
      drill.assertCountsAgreeWithRows();
    }
  }

  /** Takes the room left on the disk but {@code leave} bytes. */
  private static Path fill(Path disk, String name, long leave) throws IOException {
    Path filler = disk.resolve(name);
    byte[] chunk = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (Files.getFileStore(disk).getUsableSpace() > leave + chunk.length) {
        out.write(chunk);
        out.flush();
      }
      if (leave == 0) {
        while (true) {
          out.write(chunk);
        }
      }
    } catch (IOException full) {
      assertTrue(Files.getFileStore(disk).getUsableSpace() < chunk.length, full.toString());
    }
    return filler;
  }

  private static HttpResponse<String> comment(Browser browser, String post, String text) {
    Map<String, String> form = Browser.replyForm(browser.page(post));
    form.put("author", "Reader");
    form.put("email", "reader" + System.nanoTime() + "@example.org");
    form.put("comment", text);
    return browser.post("/comments/", form);
  }

  private static Map<String, String> postForm(String page) {
    return EditorForms.post(
        page, "A post written on a full disk", "Its words must come back.", "publish");
  }
}
