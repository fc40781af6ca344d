package blog.core.mail;

import blog.core.db.LeasedQueue;
import blog.core.db.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

/**
 * The outgoing-mail queue shared by all instances, claimed and released through {@link
 * LeasedQueue}: a dispatcher owns a mail only after its conditional UPDATE changed the row. Claims
 * and status changes run as single auto-commit statements, so call them outside any transaction;
 * {@link #enqueue} may join the caller's transaction (see {@code Transactions}), so a notification
 * is queued only if the comment it is about is stored.
 */
public final class MailQueueRepository {
  private static final LeasedQueue QUEUE = new LeasedQueue("mail_queue");

  private static final RowMapper<QueuedMail> MAPPER =
      (rs, ctx) ->
          new QueuedMail(
              rs.getLong("id"),
              new OutgoingMail(
                  rs.getString("recipient"),
                  rs.getString("subject"),
                  rs.getString("text_body"),
                  rs.getString("html_body"),
                  HeaderLines.decode(rs.getString("headers"))),
              MailStatus.fromDb(rs.getString("status")),
              rs.getInt("attempts"),
              Times.instant(rs, "next_attempt_at"),
              rs.getString("claimed_by"),
              Times.instant(rs, "claimed_until"),
              rs.getString("last_error"),
              Times.instant(rs, "created_at"),
              Times.instant(rs, "sent_at"));

  private final Jdbi jdbi;

  public MailQueueRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Queues the mail, due at {@code now}, and returns its id. */
  public long enqueue(OutgoingMail mail, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO mail_queue (recipient, subject, text_body, html_body, headers,
                                            status, attempts, next_attempt_at, created_at)
                    VALUES (:to, :subject, :text, :html, :headers, 'queued', 0, :now, :now)
                    """)
                .bind("to", mail.to())
                .bind("subject", mail.subject())
                .bind("text", mail.textBody())
                .bind("html", mail.htmlBody())
                .bind("headers", HeaderLines.encode(mail.headers()))
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /**
   * Claims up to {@code limit} claimable mails, oldest due first, for {@code workerId} until {@code
   * now + lease}, counting one more attempt on each. Returns only the mails this call won.
   */
  public List<QueuedMail> claimDue(Instant now, int limit, String workerId, Duration lease) {
    return jdbi.withHandle(
        h ->
            QUEUE.claim(h, now, limit, workerId, lease).stream()
                .flatMap(id -> find(h, id).stream())
                .toList());
  }

  /**
   * Records delivery. False when {@code workerId} no longer holds the claim (its lease ran out and
   * another dispatcher took the mail over); the row is then left to that dispatcher.
   */
  public boolean markSent(long id, String workerId, Instant now) {
    return finish(
        id,
        workerId,
        "status = 'sent', sent_at = :now, claimed_until = NULL, last_error = NULL",
        u -> u.bind("now", now));
  }

  /**
   * Forgets sent and failed mails queued before {@code cutoff} (the mail log's retention); mail
   * still to be sent stays. Returns how many went.
   */
  public int deleteFinishedBefore(Instant cutoff) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    DELETE FROM mail_queue
                    WHERE status IN ('sent', 'failed') AND created_at < :cutoff
                    """)
                .bind("cutoff", cutoff)
                .execute());
  }

  /** Puts the mail back in the queue, due again at {@code nextAttemptAt}. */
  public boolean markRetry(long id, String workerId, String error, Instant nextAttemptAt) {
    return finish(
        id,
        workerId,
        "status = 'queued', next_attempt_at = :next, claimed_until = NULL, last_error = :error",
        u -> u.bind("next", nextAttemptAt).bind("error", truncate(error)));
  }

  /** Gives up on the mail for good. */
  public boolean markFailed(long id, String workerId, String error) {
    return finish(
        id,
        workerId,
        "status = 'failed', claimed_until = NULL, last_error = :error",
        u -> u.bind("error", truncate(error)));
  }

  private boolean finish(
      long id, String workerId, String assignments, UnaryOperator<Update> binder) {
    return jdbi.withHandle(h -> QUEUE.finish(h, id, workerId, assignments, binder));
  }

  public Optional<QueuedMail> findById(long id) {
    return jdbi.withHandle(h -> find(h, id));
  }

  private static Optional<QueuedMail> find(Handle h, long id) {
    return h.createQuery("SELECT * FROM mail_queue WHERE id = :id")
        .bind("id", id)
        .map(MAPPER)
        .findOne();
  }

  /** How many mails are in each status; every status is present. */
  public Map<MailStatus, Long> countByStatus() {
    Map<MailStatus, Long> counts = new EnumMap<>(MailStatus.class);
    for (MailStatus status : MailStatus.values()) {
      counts.put(status, 0L);
    }
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT status, COUNT(*) AS n FROM mail_queue GROUP BY status")
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                .forEach(e -> counts.put(MailStatus.fromDb(e.getKey()), e.getValue())));
    return counts;
  }

  private static String truncate(String error) {
    if (error == null) {
      return null;
    }
    return error.length() <= 2000 ? error : error.substring(0, 1997) + "...";
  }
}
