package blog.core.config;

import java.util.SortedSet;

/**
 * Keys for things the operator names, such as {@code auth.oidc.<id>.issuer}: one declaration for
 * every {@code <id>}. The placeholder is the one part of {@code key} in angle brackets.
 */
public record SettingPattern(String key, String defaultText, String doc) implements Declaration {
  public SettingPattern {
    int open = key.indexOf('<');
    int close = key.indexOf('>');
    if (open < 0 || close < open || key.indexOf('<', close) >= 0) {
      throw new IllegalArgumentException("expected one <placeholder> in " + key);
    }
  }

  @Override
  public String shownKey() {
    return key;
  }

  @Override
  public String envName() {
    return Config.envName(key);
  }

  /** The key before the placeholder, e.g. {@code auth.oidc.}. */
  public String prefix() {
    return key.substring(0, key.indexOf('<'));
  }

  /** The key after the placeholder, e.g. {@code .issuer}. */
  public String suffix() {
    return key.substring(key.indexOf('>') + 1);
  }

  /** The key for one name, e.g. {@code auth.oidc.corp.issuer}. */
  public Setting<String> of(String name) {
    return Setting.text(prefix() + name + suffix(), null, doc);
  }

  /** The names for which this pattern's key has a value, as {@link Config#namesBetween} finds. */
  public SortedSet<String> namesIn(Config config) {
    return config.namesBetween(prefix(), suffix());
  }

  /** Whether {@code candidate} is one of this pattern's keys. */
  boolean matchesKey(String candidate) {
    return fills(candidate, prefix(), suffix());
  }

  /** Whether {@code candidate} is the environment's spelling of one of this pattern's keys. */
  boolean matchesEnvName(String candidate) {
    return fills(candidate, envPrefix(), envSuffix());
  }

  String envPrefix() {
    return Config.envName(prefix());
  }

  String envSuffix() {
    return Config.envName(suffix()).substring("BLOG_".length());
  }

  private static boolean fills(String candidate, String before, String after) {
    return candidate.length() > before.length() + after.length()
        && candidate.startsWith(before)
        && candidate.endsWith(after);
  }
}
