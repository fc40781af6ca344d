package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * A browser test that fails leaves a screenshot and the page's HTML under target/, whether it fails
 * in its own body or in the console check that runs after it ({@code @AfterEach}). The failing
 * tests run here, through JUnit's test kit; the normal build never runs them on their own.
 */
class FailureArtifactsTest {

  @Test
  void failuresInTheTestAndInTheConsoleCheckAfterItBothLeaveAScreenshotAndThePage()
      throws IOException {
    Assumptions.assumeTrue(Chromium.unavailable() == null, "no Chromium here");
    List<String> tests = List.of("failsInItsBody", "failsOnlyInTheConsoleCheck");
    for (String test : List.of("passes", "failsInItsBody", "failsOnlyInTheConsoleCheck")) {
      for (String ext : List.of(".png", ".html")) {
        Files.deleteIfExists(kept(test, ext));
      }
    }

    Events events =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(DeliberatelyFailing.class))
            .execute()
            .testEvents();
    events.assertStatistics(stats -> stats.started(3).failed(2).succeeded(1));

    for (String test : tests) {
      Path png = kept(test, ".png");
      assertTrue(Files.size(png) > 0, png + " kept");
      byte[] signature = Files.readAllBytes(png);
      assertEquals((byte) 0x89, signature[0], "a PNG");
      assertEquals('P', signature[1], "a PNG");
      String html = Files.readString(kept(test, ".html"), StandardCharsets.UTF_8);
      assertTrue(html.contains("<h1 class=\"page-title\">Oops! That page"), html);
      assertTrue(html.startsWith("<!-- http://127.0.0.1:"), "with its address: " + html);
    }
    assertFalse(Files.exists(kept("passes", ".png")), "a passing test leaves nothing behind");
    // Real failures are looked for there: these were only for this test.
    for (String test : tests) {
      for (String ext : List.of(".png", ".html")) {
        Files.deleteIfExists(kept(test, ext));
      }
    }
  }

  private static Path kept(String test, String ext) {
    return FailureArtifacts.DIRECTORY.resolve(
        DeliberatelyFailing.class.getSimpleName() + "." + test + ext);
  }

  /**
   * Fails on purpose. A static nested class: Surefire leaves classes with a {@code $} in their name
   * out of the normal run, and the tag says what it is to anyone filtering by tags.
   */
  @Tag("deliberately-failing")
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class DeliberatelyFailing extends BrowserTestBase {
    @Test
    @Order(1)
    void passes() {
      open("/no/such/page/");
      find("h1");
    }

    @Test
    @Order(2)
    void failsInItsBody() {
      open("/no/such/page/");
      assertEquals("a title this page does not have", find("h1").getText());
    }

    @Test
    @Order(3)
    void failsOnlyInTheConsoleCheck() {
      open("/no/such/page/");
      // An inline script, which the policy refuses with a word in the console: the test itself
      // passes; the check after it does not.
      js(
          "const s = document.createElement('script');"
              + "s.textContent = 'document.title = 1';"
              + "document.body.appendChild(s);");
      waitUntil(d -> !cspViolations().isEmpty());
    }
  }
}
