package blog.web.e2e;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium and its chromedriver ({@code apt-get install chromium chromium-driver}), or
 * those named by {@code BLOG_TEST_CHROMIUM} and {@code BLOG_TEST_CHROMEDRIVER}. Both paths are
 * given to Selenium, so Selenium Manager never runs and nothing is downloaded. Without them the
 * browser tests are skipped with a message ({@link #unavailable}), except under {@code CI=true},
 * where they fail.
 */
final class Chromium {
  static final Path BROWSER = browser(System.getenv());
  static final Path DRIVER = driver(System.getenv());

  /**
   * Selenium looks for a DevTools binding of the browser's version when a driver starts and warns
   * when it has none; the tests use only WebDriver and plain DevTools commands, which need none.
   * (Held here: java.util.logging keeps loggers only weakly.)
   */
  private static final Logger CDP_VERSION_FINDER =
      Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSION_FINDER.setLevel(Level.SEVERE);
  }

  private Chromium() {}

  /**
   * Why the browser tests cannot run here (Chromium or its driver missing), or null when they can.
   * Under CI=true a missing browser is an error instead.
   */
  static String unavailable() {
    return unavailable(System.getenv(), Files::isExecutable);
  }

  /**
   * As {@link #unavailable()}, for the given environment and test of executability.
   *
   * @throws IllegalStateException when the browser is missing and {@code CI=true}
   */
  static String unavailable(Map<String, String> environment, Predicate<Path> executable) {
    Path browser = browser(environment);
    Path driver = driver(environment);
    if (executable.test(browser) && executable.test(driver)) {
      return null;
    }
    String message =
        "Chromium ("
            + browser
            + ") or chromedriver ("
            + driver
            + ") is missing: apt-get install chromium chromium-driver, or set BLOG_TEST_CHROMIUM"
            + " and BLOG_TEST_CHROMEDRIVER";
    if ("true".equalsIgnoreCase(environment.get("CI"))) {
      throw new IllegalStateException(message + " (required under CI=true)");
    }
    return message + " - skipping the browser tests";
  }

  static Path browser(Map<String, String> environment) {
    return Path.of(valueOr(environment, "BLOG_TEST_CHROMIUM", "/usr/bin/chromium"));
  }

  static Path driver(Map<String, String> environment) {
    return Path.of(valueOr(environment, "BLOG_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
  }

  /** A running headless Chromium with a profile of its own, removed again on {@link #quit}. */
  static ChromeDriver start(Options options) {
    String problem = unavailable();
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("blog-e2e-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions chrome = new ChromeOptions();
    chrome.setBinary(BROWSER.toFile());
    chrome.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--lang=en-US",
        "--window-size=" + options.width + "," + options.height,
        "--user-data-dir=" + profile);
    if (options.mobile) {
      chrome.setExperimentalOption(
          "mobileEmulation",
          Map.of(
              "deviceMetrics",
              Map.of(
                  "width",
                  options.width,
                  "height",
                  options.height,
                  "pixelRatio",
                  2.0,
                  "touch",
                  true,
                  "mobile",
                  true)));
    }
    if (!options.javascript) {
      // The page's own scripts do not run; the test's (over the DevTools protocol) still do.
      chrome.setExperimentalOption(
          "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    chrome.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .withLogOutput(OutputStream.nullOutputStream())
            .build();
    ChromeDriver driver = new ChromeDriver(service, chrome);
    PROFILES.put(driver, profile);
    return driver;
  }

  /** How many browsers a JVM keeps for later classes: the two last given back. */
  private static final int MOST_IDLE = 2;

  /**
   * Browsers that classes gave back, by their options, for the next class of this JVM that wants
   * the same: starting Chromium takes seconds, and most classes want one of two windows. The one
   * given back longest ago goes first when more are kept than {@link #MOST_IDLE}; what is left when
   * the JVM ends is quit then.
   */
  private static final Map<Options, ChromeDriver> IDLE = new LinkedHashMap<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  List<ChromeDriver> left;
                  synchronized (IDLE) {
                    left = List.copyOf(IDLE.values());
                    IDLE.clear();
                  }
                  left.forEach(Chromium::quitQuietly);
                },
                "chromium-quit"));
  }

  /**
   * A browser with these options: one given back by a class before ({@link #giveBack}), if it still
   * answers, or a new one.
   */
  static ChromeDriver take(Options options) {
    ChromeDriver idle;
    synchronized (IDLE) {
      idle = IDLE.remove(options);
    }
    if (idle != null) {
      try {
        idle.getWindowHandle();
        return idle;
      } catch (RuntimeException gone) {
        quitQuietly(idle);
      }
    }
    return start(options);
  }

  /**
   * Keeps the browser for the next class, with nothing of this one left in it: one tab on a blank
   * page, no cookies, no cache, nothing stored by the site at {@code origin}, no emulated media or
   * screen (but a phone's own), nothing in the console. A browser that cannot be brought back to
   * that is quit.
   */
  static void giveBack(ChromeDriver driver, Options options, String origin) {
    try {
      List<String> tabs = List.copyOf(driver.getWindowHandles());
      for (String tab : tabs.subList(1, tabs.size())) {
        driver.switchTo().window(tab).close();
      }
      driver.switchTo().window(tabs.get(0));
      driver.get("about:blank");
      driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
      driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
      driver.executeCdpCommand(
          "Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
      driver.executeCdpCommand(
          "Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
      if (!options.mobile) {
        // A phone's screen is chromedriver's emulation: only a desktop's may be cleared.
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
      }
      driver.manage().logs().get(LogType.BROWSER);
    } catch (RuntimeException e) {
      System.err.println("A browser could not be made ready for the next class: " + e);
      quitQuietly(driver);
      return;
    }
    List<ChromeDriver> surplus = new ArrayList<>();
    synchronized (IDLE) {
      ChromeDriver same = IDLE.put(options, driver);
      if (same != null) {
        surplus.add(same);
      }
      Iterator<ChromeDriver> oldest = IDLE.values().iterator();
      while (IDLE.size() > MOST_IDLE) {
        surplus.add(oldest.next());
        oldest.remove();
      }
    }
    surplus.forEach(Chromium::quitQuietly);
  }

  private static void quitQuietly(ChromeDriver driver) {
    try {
      quit(driver);
    } catch (RuntimeException e) {
      // It is gone either way.
    }
  }

  /** Ends the browser and removes its profile. */
  static void quit(ChromeDriver driver) {
    if (driver == null) {
      return;
    }
    try {
      driver.quit();
    } finally {
      Path profile = PROFILES.remove(driver);
      if (profile != null) {
        deleteTree(profile);
      }
    }
  }

  /** Window size, whether to emulate a phone (touch, mobile viewport), and JavaScript on/off. */
  record Options(int width, int height, boolean mobile, boolean javascript) {
    static Options desktop() {
      return new Options(1280, 1000, false, true);
    }

    static Options phone() {
      return new Options(375, 740, true, true);
    }

    Options withoutJavaScript() {
      return new Options(width, height, mobile, false);
    }
  }

  private static final Map<ChromeDriver, Path> PROFILES = new ConcurrentHashMap<>();

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // A leftover temporary profile is harmless.
    }
  }

  private static String valueOr(Map<String, String> environment, String name, String fallback) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
