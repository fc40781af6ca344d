package blog.web.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe-core accessibility engine, injected into the page under test. The script is the npm
 * package's axe.min.js, kept with its licences in src/test/resources/axe/ and checked here against
 * the hash the package publishes for it (sri-history.json); src/test/axe/update-axe.sh replaces it
 * with another version from the npm registry.
 */
final class Axe {
  static final String VERSION = "4.14.1";
  static final String SHA256 = "sha256-KTSJmUUM3yhJqOcLeRL8LahahJ2jnA0NU5T1HUqe2Vw=";
  private static final Set<String> FAILING = Set.of("serious", "critical");
  private static String script;

  private Axe() {}

  /**
   * The serious and critical violations on the page as it is now (WCAG 2.x A and AA and axe's best
   * practices), one line each with the rule, its help text and the elements.
   */
  static List<String> seriousViolations(WebDriver driver) {
    return seriousViolations(driver, true);
  }

  /**
   * As {@link #seriousViolations(WebDriver)}, in a browser whose page scripts may be off. There
   * timers never fire, and axe waits on them, so they are replaced (in this page only, after it has
   * loaded) by callbacks run as soon as the current task ends.
   */
  static List<String> seriousViolations(WebDriver driver, boolean pageScriptsOn) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    Object loaded = js.executeScript("return typeof window.axe === 'object'");
    if (!Boolean.TRUE.equals(loaded)) {
      if (!pageScriptsOn) {
        js.executeScript(
            "window.setTimeout = function (fn) {"
                + "  var args = Array.prototype.slice.call(arguments, 2);"
                + "  Promise.resolve().then(function () { fn.apply(null, args); });"
                + "  return 0;"
                + "};"
                + "window.clearTimeout = function () {};");
      }
      js.executeScript(script());
    }
    Object result =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
                + " help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ' '"
                + " + n.failureSummary.replace(/\\s+/g, ' '))}))))"
                + ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e),"
                + " nodes: []}]));");
    List<String> violations = new ArrayList<>();
    for (Object item : (List<?>) result) {
      Map<?, ?> v = (Map<?, ?>) item;
      if (FAILING.contains(String.valueOf(v.get("impact")))) {
        violations.add(
            v.get("impact") + " " + v.get("id") + " (" + v.get("help") + "): " + v.get("nodes"));
      }
    }
    return violations;
  }

  private static synchronized String script() {
    if (script == null) {
      try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
        if (in == null) {
          throw new IllegalStateException("axe/axe.min.js is not on the test class path");
        }
        byte[] bytes = in.readAllBytes();
        String hash =
            "sha256-"
                + Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        if (!hash.equals(SHA256)) {
          throw new IllegalStateException(
              "axe/axe.min.js is not axe-core " + VERSION + " as published (" + hash + ")");
        }
        script = new String(bytes, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return script;
  }
}
