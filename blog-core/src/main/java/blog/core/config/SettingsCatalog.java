package blog.core.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every setting the blog knows, in the order help and docs list them, and the prefixes of {@code
 * BLOG_} variables that are not settings but belong to the tests ({@code BLOG_TEST_}).
 */
public record SettingsCatalog(List<Declaration> declarations, List<String> ignoredEnvPrefixes) {
  public SettingsCatalog {
    declarations = List.copyOf(declarations);
    ignoredEnvPrefixes = List.copyOf(ignoredEnvPrefixes);
    Set<String> names = new HashSet<>();
    for (Declaration d : declarations) {
      if (!names.add(d.envName())) {
        throw new IllegalArgumentException("declared twice: " + d.envName());
      }
    }
  }

  /** The declarations of several features, in order. */
  @SafeVarargs
  public static SettingsCatalog of(
      List<String> ignoredEnvPrefixes, List<? extends Declaration>... groups) {
    List<Declaration> all = new ArrayList<>();
    for (List<? extends Declaration> group : groups) {
      all.addAll(group);
    }
    return new SettingsCatalog(all, ignoredEnvPrefixes);
  }

  /** Whether {@code key} is a properties-file key of a setting or of a pattern. */
  public boolean knowsKey(String key) {
    for (Declaration d : declarations) {
      if ((d instanceof Setting<?> s && s.key().equals(key))
          || (d instanceof SettingPattern p && p.matchesKey(key))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code name} is a declared environment variable, or one the tests use. */
  public boolean knowsEnvName(String name) {
    if (ignoredEnvPrefixes.stream().anyMatch(name::startsWith)) {
      return true;
    }
    for (Declaration d : declarations) {
      if (d.envName().equals(name) || (d instanceof SettingPattern p && p.matchesEnvName(name))) {
        return true;
      }
    }
    return false;
  }

  /**
   * One warning for each {@code BLOG_} variable and each properties-file key in {@code config} that
   * no declaration knows, naming the nearest known name when one is close.
   */
  public List<String> warningsFor(Config config) {
    List<String> warnings = new ArrayList<>();
    for (String name : config.envNames()) {
      if (name.startsWith("BLOG_") && !knowsEnvName(name)) {
        warnings.add(
            NearestName.inEnvironment(this, name)
                .map(near -> "Unknown setting " + name + "; did you mean " + near + "?")
                .orElse(
                    "Unknown setting " + name + "; no known setting is close (--help lists them)"));
      }
    }
    for (String key : config.fileKeys()) {
      if (!knowsKey(key)) {
        warnings.add(
            NearestName.inFile(this, key)
                .map(near -> "Unknown setting " + key + "; did you mean " + near + "?")
                .orElse(
                    "Unknown setting " + key + "; no known setting is close (--help lists them)"));
      }
    }
    return warnings;
  }
}
