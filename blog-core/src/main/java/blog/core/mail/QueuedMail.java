package blog.core.mail;

import java.time.Instant;

/**
 * A mail as it stands in the queue.
 *
 * @param attempts how many times a dispatcher has claimed it, the current claim included
 * @param claimedBy the dispatcher that holds or last held it, or null
 * @param claimedUntil when the current claim lapses (only while {@link MailStatus#SENDING})
 * @param lastError why the last attempt failed, without full addresses, or null
 */
public record QueuedMail(
    long id,
    OutgoingMail mail,
    MailStatus status,
    int attempts,
    Instant nextAttemptAt,
    String claimedBy,
    Instant claimedUntil,
    String lastError,
    Instant createdAt,
    Instant sentAt) {}
