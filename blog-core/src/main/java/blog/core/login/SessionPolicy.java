package blog.core.login;

import java.time.Duration;

/** How long a session lives: unused for at most {@code idle}, and never beyond {@code absolute}. */
public record SessionPolicy(Duration idle, Duration absolute) {
  /** Commenters come back now and then; they should not have to log in every time. */
  public static final SessionPolicy COMMENTER =
      new SessionPolicy(Duration.ofDays(14), Duration.ofDays(60));
}
