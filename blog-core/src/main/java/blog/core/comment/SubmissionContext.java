package blog.core.comment;

import blog.core.identity.CommenterIdentity;
import java.time.Instant;

/**
 * What the server knows about a submission beyond the form: where it came from, when, and the
 * verified one-time key and render time of the form it was typed into.
 */
public record SubmissionContext(
    String clientIp,
    String userAgent,
    Instant now,
    String submissionKey,
    Instant formIssuedAt,
    CommenterIdentity identity) {

  /** A guest's submission (no third-party log-in). */
  public SubmissionContext(
      String clientIp, String userAgent, Instant now, String submissionKey, Instant formIssuedAt) {
    this(clientIp, userAgent, now, submissionKey, formIssuedAt, null);
  }
}
