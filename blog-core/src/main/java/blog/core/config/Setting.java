package blog.core.config;

import java.util.Optional;

/**
 * One configuration key, declared once: the key, its default ({@code defaultValue}, null when the
 * key is off or required unless set, or when the default depends on other keys), the default in
 * words for help and docs, how its value is read, and one line of help. Readers read a key only
 * through its declaration.
 */
public record Setting<T>(
    String key, Parser<T> parser, T defaultValue, String defaultText, String doc)
    implements Declaration {

  public static Setting<String> text(String key, String defaultValue, String doc) {
    return new Setting<>(key, Parser.TEXT, defaultValue, shown(defaultValue), doc);
  }

  public static Setting<Integer> wholeNumber(String key, Integer defaultValue, String doc) {
    return new Setting<>(key, Parser.WHOLE_NUMBER, defaultValue, shown(defaultValue), doc);
  }

  public static Setting<Long> longNumber(String key, Long defaultValue, String doc) {
    return new Setting<>(key, Parser.LONG_NUMBER, defaultValue, shown(defaultValue), doc);
  }

  public static Setting<Boolean> trueOrFalse(String key, boolean defaultValue, String doc) {
    return new Setting<>(key, Parser.TRUE_OR_FALSE, defaultValue, shown(defaultValue), doc);
  }

  public static <T> Setting<T> parsed(
      String key, Parser<T> parser, T defaultValue, String defaultText, String doc) {
    return new Setting<>(key, parser, defaultValue, defaultText, doc);
  }

  /** The same key with its default put in other words, e.g. one that depends on other keys. */
  public Setting<T> defaultShownAs(String text) {
    return new Setting<>(key, parser, defaultValue, text, doc);
  }

  private static String shown(Object defaultValue) {
    return defaultValue == null || defaultValue.toString().isEmpty()
        ? "empty"
        : defaultValue.toString();
  }

  @Override
  public String shownKey() {
    return key;
  }

  @Override
  public String envName() {
    return Config.envName(key);
  }

  /** The configured value, if one is set (blank counts as unset). */
  public Optional<T> find(Config config) {
    return config.get(key).map(value -> parser.parse(key, value));
  }

  /** The configured value or the declared default. */
  public T read(Config config) {
    if (defaultValue == null) {
      throw new IllegalStateException(key + " has no fixed default: use find or readOr");
    }
    return readOr(config, defaultValue);
  }

  /** The configured value, or {@code fallback} for a default that depends on other keys. */
  public T readOr(Config config, T fallback) {
    return find(config).orElse(fallback);
  }

  /** A value of this key the blog cannot use, in a message naming the key and its variable. */
  public ConfigException problem(String problem) {
    return new ConfigException(key, problem);
  }
}
