package blog.core.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The known name nearest a misspelt one, by edit distance (a swap of two neighbouring letters
 * counts as one edit), when it is close enough to be a likely typo: at most a third of the name's
 * length (after {@code BLOG_}), between one and three edits. Pattern keys are tried with the
 * operator's own name in the placeholder's place.
 */
final class NearestName {
  private NearestName() {}

  /** e.g. {@code BLOG_PORT (port)} for {@code BLOG_PROT}. */
  static Optional<String> inEnvironment(SettingsCatalog catalog, String name) {
    Best best = new Best(name.startsWith("BLOG_") ? name.length() - 5 : name.length());
    for (Declaration d : catalog.declarations()) {
      if (d instanceof SettingPattern p) {
        for (int end = p.envPrefix().length() + 1; end <= name.length(); end++) {
          String own = name.substring(p.envPrefix().length(), end);
          String label = p.of(own.toLowerCase(Locale.ROOT).replace('_', '-')).key();
          best.consider(name, p.envPrefix() + own + p.envSuffix(), label);
        }
      } else {
        best.consider(name, d.envName(), d instanceof Setting<?> s ? s.key() : null);
      }
    }
    return best.shown();
  }

  /** e.g. {@code port (BLOG_PORT)} for {@code prot}. */
  static Optional<String> inFile(SettingsCatalog catalog, String key) {
    Best best = new Best(key.length());
    for (Declaration d : catalog.declarations()) {
      if (d instanceof SettingPattern p) {
        for (int end = p.prefix().length() + 1; end <= key.length(); end++) {
          String own = key.substring(p.prefix().length(), end);
          Setting<String> candidate = p.of(own);
          best.consider(key, candidate.key(), candidate.envName());
        }
      } else if (d instanceof Setting<?> s) {
        best.consider(key, s.key(), s.envName());
      }
    }
    return best.shown();
  }

  /** Optimal string alignment distance: insertions, deletions, changes and neighbour swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** The closest candidate so far, and the most edits a likely typo of the name has. */
  private static final class Best {
    private final int limit;
    private int distance = Integer.MAX_VALUE;
    private String shown;

    Best(int significantLength) {
      this.limit = Math.max(1, Math.min(3, significantLength / 3));
    }

    void consider(String name, String candidate, String otherName) {
      int d = distance(name, candidate);
      if (d <= limit && d < distance) {
        distance = d;
        shown = otherName == null ? candidate : candidate + " (" + otherName + ")";
      }
    }

    Optional<String> shown() {
      return Optional.ofNullable(shown);
    }
  }
}
