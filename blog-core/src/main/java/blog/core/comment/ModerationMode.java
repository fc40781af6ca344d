package blog.core.comment;

/** Which new comments wait for a moderator, as WordPress's discussion settings offer. */
public enum ModerationMode {
  /** Every comment is held. */
  ALL,
  /** Held unless the commenter already has an approved comment (WordPress's default). */
  FIRST,
  /** Nothing is held for being new (the other rules still apply). */
  NONE
}
