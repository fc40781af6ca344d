package blog.core.comment;

import java.time.Instant;

/**
 * What the server knows about a submission beyond the form: where it came from, when, and the
 * verified one-time key and render time of the form it was typed into.
 */
public record SubmissionContext(
    String clientIp, String userAgent, Instant now, String submissionKey, Instant formIssuedAt) {}
