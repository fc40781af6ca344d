package blog.core.config;

import java.util.Map;
import java.util.Optional;

/**
 * A {@code BLOG_} variable with no properties-file key: read from the environment alone, by the
 * blog ({@code BLOG_CONFIG}) or by a library (Logback reads {@code BLOG_LOG_ACCESS}).
 */
public record EnvironmentVariable(String envName, String defaultText, String doc)
    implements Declaration {
  @Override
  public String shownKey() {
    return NO_KEY;
  }

  /** The variable's value in {@code env}, if set and not blank. */
  public Optional<String> find(Map<String, String> env) {
    String value = env.get(envName);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
