package blog.core.settings;

import blog.core.comment.FieldError;
import blog.core.site.AccentColor;
import blog.core.text.OneLine;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Checks a settings form field by field, collecting every error at once and, for the fields that
 * pass, the value to store under its setting's name (normalised: trimmed, lower-cased choices).
 */
final class FormCheck {
  /** A moment with every field distinct, to try date and time patterns on. */
  private static final ZonedDateTime SAMPLE =
      ZonedDateTime.of(2026, 12, 31, 13, 45, 56, 789_000_000, ZoneOffset.UTC);

  private final List<FieldError> errors = new ArrayList<>();
  private final Map<String, String> values = new LinkedHashMap<>();

  boolean ok() {
    return errors.isEmpty();
  }

  List<FieldError> errors() {
    return List.copyOf(errors);
  }

  Map<String, String> values() {
    return Map.copyOf(values);
  }

  void text(String field, String setting, String raw, boolean required, int max) {
    String value = oneLine(raw);
    if (required && value.isEmpty()) {
      error(field, "Please fill this in.");
    } else if (value.length() > max) {
      error(field, "At most " + max + " characters, please.");
    } else {
      values.put(setting, value);
    }
  }

  void number(String field, String setting, String raw, int min, int max) {
    String value = raw == null ? "" : raw.strip();
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        values.put(setting, Integer.toString(n));
        return;
      }
    } catch (NumberFormatException e) {
      // reported below, like a number out of range
    }
    error(field, "Please enter a whole number from " + min + " to " + max + ".");
  }

  /** A checkbox: ticked ("true", "on", ...) or not (absent, empty, "false"). */
  void checkbox(String field, String setting, String raw) {
    String value = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    switch (value) {
      case "true", "on", "yes", "1" -> values.put(setting, "true");
      case "", "false", "off", "no", "0" -> values.put(setting, "false");
      default -> error(field, "Please tick the box or leave it empty.");
    }
  }

  void choice(String field, String setting, String raw, List<String> options) {
    String value = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    if (options.contains(value)) {
      values.put(setting, value);
    } else {
      error(field, "Please choose one of: " + String.join(", ", options) + ".");
    }
  }

  /** A java.time pattern such as "MMMM d, yyyy", which must format a date in English. */
  void pattern(String field, String setting, String raw) {
    String value = oneLine(raw);
    if (value.isEmpty()) {
      error(field, "Please fill this in.");
      return;
    }
    if (value.length() > 100) {
      error(field, "At most 100 characters, please.");
      return;
    }
    try {
      // Formatting a sample finds what parsing the pattern lets through (a field the date lacks).
      if (DateTimeFormatter.ofPattern(value, Locale.ENGLISH).format(SAMPLE).isBlank()) {
        error(field, "This pattern shows nothing; try for example MMMM d, yyyy.");
        return;
      }
      values.put(setting, value);
    } catch (IllegalArgumentException | DateTimeException e) {
      error(field, "This is not a date and time pattern (for example MMMM d, yyyy or h:mm a).");
    }
  }

  void zone(String field, String setting, String raw) {
    String value = raw == null ? "" : raw.strip();
    try {
      values.put(setting, ZoneId.of(value).getId());
    } catch (DateTimeException e) {
      error(field, "Please enter a time zone such as Europe/Berlin, America/New_York or UTC.");
    }
  }

  /** Text of several lines: kept as typed, line by line trimmed, blank lines dropped. */
  void lines(String field, String setting, String raw, int maxLines, int maxLineLength) {
    List<String> lines =
        Arrays.stream((raw == null ? "" : raw).split("\\R"))
            .map(line -> OneLine.clean(line, ""))
            .filter(line -> !line.isEmpty())
            .toList();
    if (lines.size() > maxLines) {
      error(field, "At most " + maxLines + " lines, please.");
    } else if (lines.stream().anyMatch(line -> line.length() > maxLineLength)) {
      error(field, "At most " + maxLineLength + " characters a line, please.");
    } else {
      values.put(setting, lines.stream().collect(Collectors.joining("\n")));
    }
  }

  /**
   * An accent colour {@code #rrggbb}, refused when links in it would be hard to read on white (a
   * contrast below 4.5:1).
   */
  void accent(String field, String setting, String raw) {
    String value = AccentColor.normalise(raw);
    if (value == null) {
      error(field, "Please give a colour as # and six hexadecimal digits, such as #1a6fb0.");
      return;
    }
    double contrast = AccentColor.contrastWithWhite(value);
    if (contrast < AccentColor.LEAST_CONTRAST) {
      error(
          field,
          String.format(
              Locale.ROOT,
              "This colour is too light: links and buttons in it would be hard to read on white"
                  + " (contrast %.1f:1, at least 4.5:1 is needed). Please choose a darker one.",
              Math.floor(contrast * 10) / 10));
      return;
    }
    values.put(setting, value);
  }

  /** The path of one of the site's own images ({@code /media/...}), or empty for none. */
  void image(String field, String setting, String raw, Predicate<String> isOwnImage) {
    String value = oneLine(raw);
    if (value.isEmpty() || isOwnImage.test(value)) {
      values.put(setting, value);
    } else {
      error(
          field,
          "Please give the address of an image uploaded to this site (it starts with"
              + " /media/), or leave this empty.");
    }
  }

  void put(String setting, String value) {
    values.put(setting, value);
  }

  void error(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  private static String oneLine(String raw) {
    return OneLine.clean(raw, "");
  }
}
