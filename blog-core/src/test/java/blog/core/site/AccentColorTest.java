package blog.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccentColorTest {
  private static final String DARK = "#15171a";

  @Test
  void contrastIsWcagsRatio() {
    assertEquals(21.0, AccentColor.contrast("#000000", "#ffffff"), 0.01);
    assertEquals(1.0, AccentColor.contrast("#1a6fb0", "#1a6fb0"), 0.001);
    assertEquals(
        AccentColor.contrastWithWhite("#8a3b12"), AccentColor.contrast("#ffffff", "#8a3b12"), 1e-9);
  }

  @Test
  void aColourForWhitePagesIsTintedJustEnoughToReadOnTheDarkScheme() {
    for (String accent : new String[] {"#1a6fb0", "#8a3b12", "#000000", "#2e7d32", "#6b21a8"}) {
      String tint = AccentColor.tintFor(accent, DARK, 6.0);
      assertTrue(AccentColor.contrast(tint, DARK) >= 6.0, accent + " -> " + tint);
      // One step less white would not do: the colour is kept as much as it can be.
      String lessWhite = previousStep(accent, tint);
      assertTrue(
          lessWhite == null || AccentColor.contrast(lessWhite, DARK) < 6.0,
          accent + " -> " + tint + ", but " + lessWhite + " would have done");
    }
    assertEquals(
        "#ffffff", AccentColor.tintFor("#000000", "#777777", 6.0), "nothing reaches it: white");
  }

  private static String previousStep(String accent, String tint) {
    for (int percent = 5; percent <= 100; percent += 5) {
      if (AccentColor.mixedWithWhite(accent, percent / 100.0).equals(tint)) {
        return AccentColor.mixedWithWhite(accent, (percent - 5) / 100.0);
      }
    }
    return null;
  }
}
