package blog.core.site;

import java.util.Locale;

/**
 * Arithmetic on an accent colour {@code #rrggbb}: its contrast against white, as WCAG 2 defines it
 * (links and button labels must reach 4.5:1), a darker shade for hover, and a lighter tint of it
 * that reads on the dark background of the dark colour scheme.
 */
public final class AccentColor {
  /** WCAG 2's least contrast for normal text (success criterion 1.4.3, level AA). */
  public static final double LEAST_CONTRAST = 4.5;

  private AccentColor() {}

  /** The colour lower-cased if it is {@code #rrggbb}, else null. */
  public static String normalise(String raw) {
    String value = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    return value.matches("#[0-9a-f]{6}") ? value : null;
  }

  /** The contrast ratio of {@code hex} against white, from 1 to 21. */
  public static double contrastWithWhite(String hex) {
    return 1.05 / (luminance(hex) + 0.05);
  }

  /** The contrast ratio of two colours {@code #rrggbb}, from 1 to 21. */
  public static double contrast(String hex, String other) {
    double a = luminance(hex);
    double b = luminance(other);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  /**
   * The least tint of {@code hex} (mixed with white in steps of 5%) that reaches {@code least}
   * contrast against the dark {@code background}: a colour chosen for white pages, lightened as
   * little as will do, so that it stays the owner's colour in the dark scheme.
   */
  public static String tintFor(String hex, String background, double least) {
    for (int percent = 0; percent <= 100; percent += 5) {
      String tint = mixedWithWhite(hex, percent / 100.0);
      if (contrast(tint, background) >= least) {
        return tint;
      }
    }
    return "#ffffff";
  }

  /** {@code hex} mixed with white: {@code share} 0 is the colour, 1 is white. */
  public static String mixedWithWhite(String hex, double share) {
    StringBuilder out = new StringBuilder("#");
    for (int i = 0; i < 3; i++) {
      int c = channel(hex, i);
      out.append(String.format(Locale.ROOT, "%02x", (int) Math.round(c + (255 - c) * share)));
    }
    return out.toString();
  }

  /** {@code hex} with each channel scaled by {@code factor} (below 1 darkens). */
  public static String scaled(String hex, double factor) {
    StringBuilder out = new StringBuilder("#");
    for (int i = 0; i < 3; i++) {
      int c = (int) Math.round(channel(hex, i) * factor);
      out.append(String.format(Locale.ROOT, "%02x", Math.max(0, Math.min(255, c))));
    }
    return out.toString();
  }

  private static double luminance(String hex) {
    return 0.2126 * linear(channel(hex, 0))
        + 0.7152 * linear(channel(hex, 1))
        + 0.0722 * linear(channel(hex, 2));
  }

  private static int channel(String hex, int i) {
    return Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16);
  }

  private static double linear(int channel) {
    double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
