package blog.core.moderation;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in the queue: a comment's creation time and id, which together order the queue
 * strictly even when comments share a creation time. Its {@link #token()} goes into addresses and
 * holds only digits and dots.
 */
public record QueueCursor(Instant createdAt, long id) {
  private static final Pattern TOKEN =
      Pattern.compile("(-?[0-9]{1,19})\\.([0-9]{1,9})\\.([0-9]{1,18})");

  public String token() {
    return createdAt.getEpochSecond() + "." + createdAt.getNano() + "." + id;
  }

  /** The cursor a token stands for; empty when it is not one (a hand-edited address). */
  public static Optional<QueueCursor> parse(String token) {
    if (token == null) {
      return Optional.empty();
    }
    Matcher m = TOKEN.matcher(token.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      Instant at = Instant.ofEpochSecond(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)));
      return Optional.of(new QueueCursor(at, Long.parseLong(m.group(3))));
    } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}
