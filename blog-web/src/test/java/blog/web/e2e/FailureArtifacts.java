package blog.web.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * When a browser test fails, keeps what the browser showed: a screenshot, the page's HTML (as the
 * browser holds it now) and its address, under {@code target/e2e-failures/}. It runs right after
 * the test method, before any clean-up moves the browser on.
 */
final class FailureArtifacts implements AfterTestExecutionCallback {
  static final Path DIRECTORY = Path.of("target", "e2e-failures");

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isEmpty()) {
      return;
    }
    Object instance = context.getTestInstance().orElse(null);
    if (!(instance instanceof BrowserTestBase test) || test.driver == null) {
      return;
    }
    String name =
        context.getRequiredTestClass().getSimpleName()
            + "."
            + context.getRequiredTestMethod().getName();
    save(test.driver, name);
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
