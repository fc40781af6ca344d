package blog.web.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * When a browser test fails, keeps what the browser showed: a screenshot, the page's HTML (as the
 * browser holds it now) and its address, under {@code target/e2e-failures/}. A failure in the test
 * method is kept right after it, before any clean-up moves the browser on; a failure in an
 * {@code @AfterEach} method (the console check, say) is kept when JUnit reports the test failed,
 * which is after those methods and before {@code @AfterAll} closes the browser.
 */
final class FailureArtifacts implements AfterTestExecutionCallback, TestWatcher {
  static final Path DIRECTORY = Path.of("target", "e2e-failures");
  private static final ExtensionContext.Namespace KEPT =
      ExtensionContext.Namespace.create(FailureArtifacts.class);

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      keep(context);
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (kept(context).get(context.getUniqueId()) == null) {
      keep(context);
    }
  }

  private static void keep(ExtensionContext context) {
    Object instance = context.getTestInstance().orElse(null);
    if (!(instance instanceof BrowserTestBase test) || test.driver == null) {
      return;
    }
    kept(context).put(context.getUniqueId(), Boolean.TRUE);
    save(test.driver, name(context));
  }

  /**
   * Which tests' failures were kept already: in the class's store, as a test's own store is closed
   * by the time {@link #testFailed} runs.
   */
  private static ExtensionContext.Store kept(ExtensionContext context) {
    return context.getParent().orElse(context).getStore(KEPT);
  }

  /** {@code Class.method}: the names of the files kept for a failed test. */
  static String name(ExtensionContext context) {
    return context.getRequiredTestClass().getSimpleName()
        + "."
        + context.getRequiredTestMethod().getName();
  }

  static void save(ChromeDriver driver, String name) {
    try {
      Files.createDirectories(DIRECTORY);
      Path png = DIRECTORY.resolve(name + ".png");
      Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
      Path html = DIRECTORY.resolve(name + ".html");
      Files.writeString(
          html,
          "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(),
          StandardCharsets.UTF_8);
      System.err.println(
          "Browser test failed: screenshot "
              + png.toAbsolutePath()
              + ", page "
              + html.toAbsolutePath());
    } catch (IOException | RuntimeException e) {
      System.err.println("Browser test failed; could not keep its screenshot: " + e);
    }
  }
}
