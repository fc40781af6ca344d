package blog.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Configuration keys such as {@code db.url}, read from an optional properties file (named by {@code
 * BLOG_CONFIG}) and from environment variables {@code BLOG_DB_URL}; the environment wins.
 */
public final class Config {
  /** Names the properties file; the one key of the blog that only the environment can set. */
  public static final EnvironmentVariable FILE =
      new EnvironmentVariable(
          "BLOG_CONFIG", "empty", "path of a Java properties file holding any of these keys");

  private final Map<String, String> file;
  private final Map<String, String> env;

  public Config(Map<String, String> file, Map<String, String> env) {
    this.file = Map.copyOf(file);
    this.env = Map.copyOf(env);
  }

  /** Reads {@code BLOG_CONFIG} (if set) and the process environment. */
  public static Config fromEnvironment() {
    Map<String, String> env = System.getenv();
    return new Config(FILE.find(env).map(path -> load(Path.of(path))).orElse(Map.of()), env);
  }

  /** A configuration made of explicit values only, for tests and embedding. */
  public static Config of(Map<String, String> values) {
    return new Config(values, Map.of());
  }

  /** A copy with {@code key} set, overriding both file and environment. */
  public Config with(String key, String value) {
    Map<String, String> merged = new HashMap<>(file);
    merged.put(key, value);
    Map<String, String> withoutEnv = new HashMap<>(env);
    withoutEnv.remove(envName(key));
    return new Config(merged, withoutEnv);
  }

  static Map<String, String> load(Path path) {
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(path)) {
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read configuration file " + path, e);
    }
    Map<String, String> values = new HashMap<>();
    props.stringPropertyNames().forEach(name -> values.put(name, props.getProperty(name).trim()));
    return values;
  }

  /**
   * {@code db.url} becomes {@code BLOG_DB_URL}; {@code auth.github.client-id} {@code
   * BLOG_AUTH_GITHUB_CLIENT_ID}.
   */
  public static String envName(String key) {
    return "BLOG_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The value of {@code key}; readers go through its {@link Setting}. */
  Optional<String> get(String key) {
    String value = env.get(envName(key));
    if (value == null) {
      value = file.get(key);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /**
   * The names {@code x} for which {@code prefix + x + suffix} has a value, for keys that name
   * things the operator chooses, such as {@code auth.oidc.<name>.issuer}. The environment spells
   * such a key {@code BLOG_AUTH_OIDC_MY_CORP_ISSUER}; a name found there comes back in lower case
   * with hyphens ({@code my-corp}), so names meant for the environment should be spelt that way.
   */
  SortedSet<String> namesBetween(String prefix, String suffix) {
    SortedSet<String> names = new TreeSet<>();
    file.forEach(
        (key, value) -> {
          if (!value.isBlank()
              && key.length() > prefix.length() + suffix.length()
              && key.startsWith(prefix)
              && key.endsWith(suffix)) {
            names.add(key.substring(prefix.length(), key.length() - suffix.length()));
          }
        });
    String envPrefix = envName(prefix);
    String envSuffix = envName(suffix).substring("BLOG_".length());
    env.forEach(
        (name, value) -> {
          if (!value.isBlank()
              && name.length() > envPrefix.length() + envSuffix.length()
              && name.startsWith(envPrefix)
              && name.endsWith(envSuffix)) {
            names.add(
                name.substring(envPrefix.length(), name.length() - envSuffix.length())
                    .toLowerCase(Locale.ROOT)
                    .replace('_', '-'));
          }
        });
    return names;
  }

  /** The keys the properties file holds (or the values given as such, for tests). */
  Set<String> fileKeys() {
    return new TreeSet<>(file.keySet());
  }

  /** The names of the environment variables, {@code BLOG_} ones and all others. */
  Set<String> envNames() {
    return new TreeSet<>(env.keySet());
  }
}
