package blog.web.e2e;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a page looks like, measured in the browser: the colour scheme and media it is shown in
 * (emulated over the DevTools protocol, as a reader's settings or the print dialog would), and the
 * WCAG contrast of text against what is behind it.
 */
final class Looks {
  /**
   * For every element matching the selector that shows text: its text, colour, the background
   * behind it (the first ancestor's that is not transparent) and their WCAG 2 contrast ratio.
   */
  private static final String CONTRAST =
      "function rgb(c) { const m = c.match(/[0-9.]+/g).map(Number);"
          + "  return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; }"
          + "function lum(c) { return [c.r, c.g, c.b].map(v => { v /= 255;"
          + "  return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })"
          + "  .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0); }"
          + "function behind(e) { for (; e; e = e.parentElement) {"
          + "  const c = rgb(getComputedStyle(e).backgroundColor); if (c.a > 0) return c; }"
          + "  return rgb(getComputedStyle(document.documentElement).backgroundColor || 'rgb(255,255,255)'); }"
          + "return [...document.querySelectorAll(arguments[0])]"
          + "  .filter(e => e.getClientRects().length > 0 && e.textContent.trim() !== '')"
          + "  .map(e => { const fg = rgb(getComputedStyle(e).color), bg = behind(e);"
          + "    const a = lum(fg), b = lum(bg);"
          + "    return {text: e.textContent.trim().slice(0, 40), color: getComputedStyle(e).color,"
          + "      background: 'rgb(' + bg.r + ', ' + bg.g + ', ' + bg.b + ')',"
          + "      ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)}; });";

  private Looks() {}

  /** Shows pages as on a screen with the reader's colour scheme set to dark (or light). */
  static void colourScheme(ChromeDriver driver, String scheme) {
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of(
            "media",
            "",
            "features",
            List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  /** Shows pages as they would be printed. */
  static void print(ChromeDriver driver) {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
  }

  /** Back to a screen with no colour scheme preferred. */
  static void screen(ChromeDriver driver) {
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of(
            "media", "", "features", List.of(Map.of("name", "prefers-color-scheme", "value", ""))));
  }

  /** The contrast of each visible element matching {@code css} with its background. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> contrasts(ChromeDriver driver, String css) {
    return (List<Map<String, Object>>) driver.executeScript(CONTRAST, css);
  }

  /** The elements matching {@code css} whose text has less than {@code least} contrast. */
  static List<Map<String, Object>> belowContrast(ChromeDriver driver, String css, double least) {
    return contrasts(driver, css).stream()
        .filter(c -> ((Number) c.get("ratio")).doubleValue() < least)
        .toList();
  }
}
