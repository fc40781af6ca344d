package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.DiscussionSettings;
import blog.core.post.Post;
import blog.core.post.PostPaths;
import blog.core.post.PostRepository;
import blog.core.site.SettingsRepository;
import blog.core.testing.DbKind;
import blog.core.testing.Fixtures;
import blog.core.testing.TestDatabase;
import blog.web.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A class of browser journeys: the real blog on a random loopback port in front of a fresh H2
 * database, and one headless Chromium for the whole class. Every page a journey looks at can be
 * checked as a person's browser gets it: valid HTML (Nu Html Checker), a Content-Security-Policy
 * without inline scripts and no violation of it, and no serious or critical accessibility problems
 * (axe-core). On failure a screenshot and the page are kept (see {@link FailureArtifacts}). The
 * browser is the one an earlier class with the same options gave back, cleared, when there is one
 * ({@link Chromium#take}): starting Chromium is most of a short class's time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(FailureArtifacts.class)
abstract class BrowserTestBase {
  /** Records every Content-Security-Policy violation in the page from its very first moment. */
  private static final String CSP_WATCHER =
      "window.__cspViolations = [];"
          + "document.addEventListener('securitypolicyviolation', function (e) {"
          + "  window.__cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI"
          + "    + ' at ' + e.sourceFile + ':' + e.lineNumber);"
          + "});";

  protected TestDatabase db;
  protected TestServer server;
  protected Fixtures fixtures;
  protected ChromeDriver driver;
  private final List<String> consoleProblems = new ArrayList<>();
  private Object cspWatcher;
  private String unavailable;

  @BeforeAll
  void startBlogAndBrowser() {
    unavailable = Chromium.unavailable();
    if (unavailable != null) {
      System.err.println(getClass().getSimpleName() + ": " + unavailable);
      return;
    }
    db = TestDatabase.create(database());
    // Real time: the browser judges cookies and tokens by its own clock.
    server = TestServer.start(db.database(), config(), Clock.systemUTC());
    fixtures = new Fixtures(db.database().jdbi());
    // People here type faster than the anti-spam timing rules allow a person to.
    settings()
        .putAll(
            Map.of(
                DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "0",
                DiscussionSettings.FLOOD_SECONDS, "0"));
    prepare();
    driver = sharesBrowser() ? Chromium.take(browserOptions()) : Chromium.start(browserOptions());
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    cspWatcher =
        driver
            .executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_WATCHER))
            .get("identifier");
  }

  @AfterAll
  void stopBlogAndBrowser() {
    try {
      if (driver != null && sharesBrowser()) {
        driver.executeCdpCommand(
            "Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", cspWatcher));
        Chromium.giveBack(driver, browserOptions(), url("").replaceAll("/$", ""));
      } else {
        Chromium.quit(driver);
      }
    } finally {
      if (server != null) {
        server.close();
      }
      if (db != null) {
        db.close();
      }
    }
  }

  @BeforeEach
  void browserAtHand() {
    Assumptions.assumeTrue(unavailable == null, unavailable);
  }

  /** Whatever the browser's console said of blocked content or script errors fails the test. */
  @AfterEach
  void nothingWentWrongInTheConsole() {
    if (driver == null) {
      return;
    }
    readConsole();
    List<String> problems = List.copyOf(consoleProblems);
    consoleProblems.clear();
    assertTrue(problems.isEmpty(), "the browser's console reported: " + problems);
  }

  /** The database behind the blog: H2 unless a class needs PostgreSQL. */
  protected DbKind database() {
    return DbKind.H2;
  }

  /**
   * Whether this class may take a browser an earlier class of this JVM gave back (and give its own
   * back), rather than start one of its own: yes, unless it changes the browser in ways {@link
   * Chromium#giveBack} does not undo (a virtual authenticator, say). {@code
   * -Dblog.test.share-browser=false} gives every class a browser of its own.
   */
  protected boolean sharesBrowser() {
    return !"false".equals(System.getProperty("blog.test.share-browser"));
  }

  /** Extra configuration for the server, e.g. a log-in provider. */
  protected Map<String, String> config() {
    return Map.of();
  }

  /** The browser: a desktop window unless a class needs another. */
  protected Chromium.Options browserOptions() {
    return Chromium.Options.desktop();
  }

  /** Called once after the server is up, before the browser starts. */
  protected void prepare() {}

  protected SettingsRepository settings() {
    return new SettingsRepository(db.database().jdbi());
  }

  /** The permalink path of a post, as readers' links have it. */
  protected String permalinkOf(long postId) {
    Post post = new PostRepository(db.database().jdbi()).findById(postId).orElseThrow();
    return PostPaths.permalink(post, ZoneOffset.UTC);
  }

  // --- Moving around ---------------------------------------------------------------------------

  protected void open(String path) {
    driver.get(url(path));
  }

  /**
   * The address the browser uses for a path: the server's loopback address, unless a class needs
   * the blog at the name of its base URL (passkeys need a domain, not an IP address).
   */
  protected String url(String path) {
    return server.url(path);
  }

  /** The path (and query) of the page the browser shows, without the fragment. */
  protected String currentPath() {
    String url = driver.getCurrentUrl();
    String base = url("");
    String path = url.startsWith(base) ? url.substring(base.length()) : url;
    int hash = path.indexOf('#');
    return hash < 0 ? path : path.substring(0, hash);
  }

  protected WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  protected List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  protected WebElement link(String text) {
    return driver.findElement(By.linkText(text));
  }

  /** Clears a field and types into it, as a person would. */
  protected void type(String css, String text) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(text);
  }

  protected <T> T waitUntil(Function<WebDriver, T> condition) {
    // A script may replace what a condition looks at (the reply form after a refusal, say).
    return new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  /** Waits until a page with this path (without query) is loaded. */
  protected void waitForPath(String path) {
    waitUntil(
        d -> {
          String current = currentPath();
          int query = current.indexOf('?');
          return (query < 0 ? current : current.substring(0, query)).equals(path)
              && "complete".equals(js("return document.readyState"));
        });
  }

  protected Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  protected void pressTab() {
    new Actions(driver).sendKeys(Keys.TAB).perform();
  }

  protected WebElement focused() {
    return driver.switchTo().activeElement();
  }

  // --- Who is at the keyboard ------------------------------------------------------------------

  /** Forgets every cookie of every site: the next page is seen by someone new. */
  protected void forgetEveryone() {
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
  }

  /** The blog's cookies, to give this browser back to the same person later. */
  protected Set<Cookie> cookies() {
    return driver.manage().getCookies();
  }

  protected void restoreCookies(Set<Cookie> cookies) {
    forgetEveryone();
    for (Cookie cookie : cookies) {
      driver.manage().addCookie(cookie);
    }
  }

  /** Logs in at /admin/login by typing, as staff would. */
  protected void logInToAdmin(String username, String password) {
    open("/admin/login");
    checkPage("admin log-in");
    type("#username", username);
    type("#password", password);
    find(".admin-login button[type=submit]").click();
    waitForPath("/admin");
  }

  // --- Checks ----------------------------------------------------------------------------------

  /**
   * The page as served is valid HTML, and so is the document as it stands now (after scripts); it
   * carries a Content-Security-Policy that allows no inline script; and nothing on it has violated
   * that policy.
   */
  protected void checkPage(String label) {
    waitUntil(d -> "complete".equals(js("return document.readyState")));
    List<String> problems = new ArrayList<>();
    Map<?, ?> served = refetch();
    String url = driver.getCurrentUrl();
    if (served.get("error") != null) {
      problems.add("could not fetch the page again: " + served.get("error"));
    } else if (!url.split("#")[0].equals(served.get("url"))) {
      // The page cannot be checked as served: that is a problem, not a reason to skip the checks.
      problems.add(
          "fetched again, the page was redirected to "
              + served.get("url")
              + ", so its policy and served HTML went unchecked");
    } else if (!String.valueOf(served.get("type")).startsWith("text/html")) {
      problems.add("fetched again, the page is not HTML but " + served.get("type"));
    } else {
      String csp = (String) served.get("csp");
      problems.addAll(policyProblems(csp));
      for (String error : HtmlValidator.get().errors((String) served.get("body"), url)) {
        problems.add("served HTML: " + error);
      }
    }
    for (String error : HtmlValidator.get().errors(currentDocument(), url)) {
      problems.add("document: " + error);
    }
    problems.addAll(cspViolations());
    readConsole();
    assertTrue(
        problems.isEmpty(),
        label + " (" + url + ") has problems:\n  " + String.join("\n  ", problems));
  }

  /**
   * For a page that answers a form's POST (a preview, say), which cannot be fetched again with a
   * GET: the document as it stands must be valid, nothing may have violated the policy, and the
   * answer to the same form sent again (in the page, with its cookies) must be valid HTML with the
   * policy. Only for forms whose sending changes nothing.
   */
  protected void checkAnswerToPost(String label, String formCss, String button, String value) {
    checkAnswerToPost(label, formCss, null, button, value);
  }

  /** As above, with the form sent to {@code action} (a button's formaction) instead of its own. */
  protected void checkAnswerToPost(
      String label, String formCss, String action, String button, String value) {
    waitUntil(d -> "complete".equals(js("return document.readyState")));
    List<String> problems = new ArrayList<>();
    Map<?, ?> served =
        (Map<?, ?>)
            ((JavascriptExecutor) driver)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "const form = document.querySelector(arguments[0]);"
                        + "const data = new FormData(form);"
                        + "data.append(arguments[1], arguments[2]);"
                        + "fetch(arguments[3] || form.action, {method: 'POST',"
                        + "  body: new URLSearchParams(data),"
                        + "  credentials: 'same-origin'})"
                        + ".then(r => r.text().then(t => done({status: r.status,"
                        + "  csp: r.headers.get('content-security-policy'), body: t})))"
                        + ".catch(e => done({error: String(e)}));",
                    formCss,
                    button,
                    value,
                    action);
    String url = driver.getCurrentUrl();
    if (served.get("error") != null) {
      problems.add("could not send the form again: " + served.get("error"));
    } else {
      problems.addAll(policyProblems((String) served.get("csp")));
      for (String error : HtmlValidator.get().errors((String) served.get("body"), url)) {
        problems.add("served HTML: " + error);
      }
    }
    for (String error : HtmlValidator.get().errors(currentDocument(), url)) {
      problems.add("document: " + error);
    }
    problems.addAll(cspViolations());
    assertTrue(
        problems.isEmpty(),
        label + " (" + url + ") has problems:\n  " + String.join("\n  ", problems));
  }

  /** No serious or critical accessibility problems on the page as it stands. */
  protected void checkAccessibility(String label) {
    List<String> violations = Axe.seriousViolations(driver, browserOptions().javascript());
    assertTrue(
        violations.isEmpty(),
        label
            + " ("
            + driver.getCurrentUrl()
            + ") has accessibility problems:\n  "
            + String.join("\n  ", violations));
  }

  /** {@link #checkPage} and no serious or critical accessibility problems. */
  protected void checkPageAndAccessibility(String label) {
    checkPage(label);
    checkAccessibility(label);
  }

  /** The whole page as a reader would scroll through it, kept as a PNG (to look at). */
  protected void keepFullPage(Path png) {
    Map<String, Object> layout = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    Map<?, ?> content = (Map<?, ?>) layout.get("cssContentSize");
    keep(png, 0, 0, content.get("width"), content.get("height"));
  }

  /** The part of the page around the element {@code css} (the page's width), kept as a PNG. */
  protected void keepPart(String css, Path png) {
    Map<?, ?> box =
        (Map<?, ?>)
            js(
                "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                    + "const top = Math.max(0, r.top + window.scrollY - 24);"
                    + "return {y: top, width: document.documentElement.scrollWidth,"
                    + "  height: r.height + 48};",
                css);
    keep(png, 0, box.get("y"), box.get("width"), box.get("height"));
  }

  private void keep(Path png, Object x, Object y, Object width, Object height) {
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of("x", x, "y", y, "width", width, "height", height, "scale", 1)));
    try {
      Files.createDirectories(png.toAbsolutePath().getParent());
      Files.write(png, Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The violations the watcher saw in the current page. */
  protected List<String> cspViolations() {
    Object seen = js("return window.__cspViolations || ['the CSP watcher is not in this page']");
    List<String> violations = new ArrayList<>();
    for (Object v : (List<?>) seen) {
      violations.add("CSP violation: " + v);
    }
    return violations;
  }

  /**
   * Asks the server for the page again, in the page, with its cookies: the address it ended at
   * (after any redirect), its type, CSP and body.
   */
  private Map<?, ?> refetch() {
    Object result =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "const here = location.href.split('#')[0];"
                    + "fetch(here, {credentials: 'same-origin', cache: 'no-store'})"
                    + ".then(r => r.text().then(t => done({url: r.url,"
                    + "  type: r.headers.get('content-type') || '',"
                    + "  csp: r.headers.get('content-security-policy'), body: t})))"
                    + ".catch(e => done({error: String(e)}));");
    return (Map<?, ?>) result;
  }

  /** What the browser holds now, with its doctype, for the checker. */
  private String currentDocument() {
    return (String)
        js(
            "return (document.doctype ? '<!DOCTYPE ' + document.doctype.name + '>' : '')"
                + " + document.documentElement.outerHTML");
  }

  /**
   * What is wrong with a Content-Security-Policy for this blog: none at all, scripts not
   * restricted, or inline scripts (elements or event attributes) allowed.
   */
  static List<String> policyProblems(String csp) {
    if (csp == null || csp.isBlank()) {
      return List.of("no Content-Security-Policy header");
    }
    Map<String, String> directives = new HashMap<>();
    for (String directive : csp.split(";")) {
      String[] parts = directive.trim().split("\\s+", 2);
      if (!parts[0].isEmpty()) {
        directives.putIfAbsent(parts[0].toLowerCase(Locale.ROOT), parts.length > 1 ? parts[1] : "");
      }
    }
    List<String> problems = new ArrayList<>();
    for (String kind : List.of("script-src-elem", "script-src-attr")) {
      String sources =
          directives.getOrDefault(
              kind, directives.getOrDefault("script-src", directives.get("default-src")));
      if (sources == null) {
        problems.add("the Content-Security-Policy does not restrict scripts: " + csp);
        break;
      }
      if (sources.contains("'unsafe-inline'")) {
        problems.add("the Content-Security-Policy allows inline scripts (" + kind + "): " + csp);
      }
    }
    return problems;
  }

  /** Collects console messages about blocked content and script errors since the last call. */
  private void readConsole() {
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      String message = entry.getMessage();
      if (message.contains("Content Security Policy")
          || message.contains("Refused to")
          || message.contains("Uncaught")) {
        consoleProblems.add(message);
      }
    }
  }

  /** Drops what the console said so far (for a test that provokes a problem on purpose). */
  protected void forgetConsole() {
    driver.manage().logs().get(LogType.BROWSER);
    consoleProblems.clear();
  }
}
