package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When the browser tests run, skip with a message, or fail: decided without a real browser. */
class ChromiumTest {
  private static final Path DEBIAN_BROWSER = Path.of("/usr/bin/chromium");
  private static final Path DEBIAN_DRIVER = Path.of("/usr/bin/chromedriver");

  @Test
  void withBrowserAndDriverInPlaceTheTestsRun() {
    assertNull(Chromium.unavailable(Map.of(), Set.of(DEBIAN_BROWSER, DEBIAN_DRIVER)::contains));
    assertNull(
        Chromium.unavailable(
            Map.of("CI", "true"), Set.of(DEBIAN_BROWSER, DEBIAN_DRIVER)::contains));
  }

  @Test
  void withoutTheBrowserTheTestsAreSkippedWithAMessageThatSaysWhatToInstall() {
    String message = Chromium.unavailable(Map.of(), Set.of(DEBIAN_DRIVER)::contains);
    assertTrue(message.contains("/usr/bin/chromium"), message);
    assertTrue(message.contains("apt-get install chromium chromium-driver"), message);
    assertTrue(message.endsWith("skipping the browser tests"), message);
    String noDriver = Chromium.unavailable(Map.of("CI", "false"), Set.of(DEBIAN_BROWSER)::contains);
    assertTrue(noDriver.contains("/usr/bin/chromedriver"), noDriver);
  }

  @Test
  void underCiAMissingBrowserFailsInsteadOfSkipping() {
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () -> Chromium.unavailable(Map.of("CI", "true"), path -> false));
    assertTrue(failure.getMessage().contains("required under CI=true"), failure.getMessage());
    assertThrows(
        IllegalStateException.class,
        () -> Chromium.unavailable(Map.of("CI", "TRUE"), Set.of(DEBIAN_BROWSER)::contains));
  }

  @Test
  void theEnvironmentCanNameOtherBinaries() {
    Map<String, String> env =
        Map.of("BLOG_TEST_CHROMIUM", "/opt/c/chrome", "BLOG_TEST_CHROMEDRIVER", "/opt/c/driver");
    assertEquals(Path.of("/opt/c/chrome"), Chromium.browser(env));
    assertEquals(Path.of("/opt/c/driver"), Chromium.driver(env));
    assertNull(
        Chromium.unavailable(
            env, Set.of(Path.of("/opt/c/chrome"), Path.of("/opt/c/driver"))::contains));
    String message = Chromium.unavailable(env, Set.of(DEBIAN_BROWSER, DEBIAN_DRIVER)::contains);
    assertTrue(message.contains("/opt/c/chrome"), message);
    assertEquals(DEBIAN_BROWSER, Chromium.browser(Map.of("BLOG_TEST_CHROMIUM", " ")));
  }
}
