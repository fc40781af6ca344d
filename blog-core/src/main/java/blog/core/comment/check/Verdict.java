package blog.core.comment.check;

/** What one check says about a new comment. */
public sealed interface Verdict {
  /** Nothing to object to. */
  record Pass() implements Verdict {}

  /** Refuse it and tell the person why, next to {@code field}. Nothing is stored. */
  record Reject(String field, String message) implements Verdict {}

  /** Store it as spam, recording which rule said so. */
  record Spam(String reason) implements Verdict {}

  /** Store it for a moderator to approve, recording which rule held it. */
  record Hold(String reason) implements Verdict {}

  Verdict PASS = new Pass();
}
