package blog.core.config;

import java.util.function.Function;

/** Turns a configured value into what the blog uses; a value it cannot use names its key. */
@FunctionalInterface
public interface Parser<T> {
  T parse(String key, String value);

  Parser<String> TEXT = (key, value) -> value;

  Parser<Integer> WHOLE_NUMBER =
      (key, value) -> {
        try {
          return Integer.parseInt(value);
        } catch (NumberFormatException e) {
          throw new ConfigException(key, "expected a whole number but was '" + value + "'");
        }
      };

  Parser<Long> LONG_NUMBER =
      (key, value) -> {
        try {
          return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
          throw new ConfigException(key, "expected a whole number but was '" + value + "'");
        }
      };

  Parser<Boolean> TRUE_OR_FALSE =
      (key, value) -> {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
          return Boolean.parseBoolean(value);
        }
        throw new ConfigException(key, "expected true or false but was '" + value + "'");
      };

  /**
   * One of a few words, e.g. {@code text} or {@code json}: {@code choice} returns null for a word
   * it does not know, and the message lists {@code expected}.
   */
  static <T> Parser<T> oneOf(Function<String, T> choice, String expected) {
    return (key, value) -> {
      T chosen = choice.apply(value);
      if (chosen == null) {
        throw new ConfigException(key, "expected " + expected + " but was '" + value + "'");
      }
      return chosen;
    };
  }
}
