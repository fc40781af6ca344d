package blog.core.comment;

import blog.core.identity.CommenterIdentity;
import java.time.Instant;

/**
 * What the server knows about a submission beyond the form: where it came from, when, the verified
 * one-time key and render time of the form it was typed into, and who is logged in: a commenter
 * with a provider ({@code identity}) or a staff member ({@code staff}), or neither for a guest.
 */
public record SubmissionContext(
    String clientIp,
    String userAgent,
    Instant now,
    String submissionKey,
    Instant formIssuedAt,
    CommenterIdentity identity,
    StaffAuthor staff) {

  /** A guest's submission (no third-party log-in). */
  public SubmissionContext(
      String clientIp, String userAgent, Instant now, String submissionKey, Instant formIssuedAt) {
    this(clientIp, userAgent, now, submissionKey, formIssuedAt, null, null);
  }

  /** A submission by someone logged in with a provider ({@code identity}; null for a guest). */
  public SubmissionContext(
      String clientIp,
      String userAgent,
      Instant now,
      String submissionKey,
      Instant formIssuedAt,
      CommenterIdentity identity) {
    this(clientIp, userAgent, now, submissionKey, formIssuedAt, identity, null);
  }

  /** Written from a staff account: who it is comes from the account, and it is not held. */
  public boolean byStaff() {
    return staff != null;
  }
}
