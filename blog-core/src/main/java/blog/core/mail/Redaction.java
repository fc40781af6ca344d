package blog.core.mail;

import java.util.regex.Pattern;

/**
 * Keeps full mail addresses out of logs and stored errors: an address shows only its domain, e.g.
 * {@code …@example.org}. SMTP servers like to quote the rejected address back.
 */
final class Redaction {
  private static final Pattern ADDRESS =
      Pattern.compile(
          "[\\p{L}\\p{N}._%+!#$&'*/=?^`{|}~-]+@([\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*)");
  private static final int MAX_ERROR_LENGTH = 1000;

  private Redaction() {}

  /** {@code …@example.org} for {@code someone@example.org}. */
  static String domainOf(String address) {
    if (address == null) {
      return "none";
    }
    int at = address.lastIndexOf('@');
    return at < 0 ? "…" : "…" + address.substring(at);
  }

  /** Every address in {@code text} reduced to its domain. */
  static String addresses(String text) {
    return text == null ? null : ADDRESS.matcher(text).replaceAll("…@$1");
  }

  /** The exception and its causes on one line, addresses redacted, at most 1000 characters. */
  static String describe(Throwable error) {
    StringBuilder text = new StringBuilder();
    Throwable current = error;
    for (int depth = 0; current != null && depth < 5; depth++) {
      if (depth > 0) {
        text.append("; caused by ");
      }
      text.append(current.getClass().getSimpleName());
      String message = current.getMessage();
      if (message != null && !message.isBlank()) {
        text.append(": ").append(message.strip().replaceAll("\\s+", " "));
      }
      Throwable cause = current.getCause();
      current = cause == current ? null : cause;
    }
    String redacted = addresses(text.toString());
    return redacted.length() <= MAX_ERROR_LENGTH
        ? redacted
        : redacted.substring(0, MAX_ERROR_LENGTH - 1) + "…";
  }
}
