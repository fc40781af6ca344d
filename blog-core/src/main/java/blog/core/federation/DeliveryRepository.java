package blog.core.federation;

import blog.core.db.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The queue of outgoing activities shared by all instances, claimed as the mail queue is ({@code
 * MailQueueRepository}): a worker owns a delivery only after its conditional UPDATE from claimable
 * to 'sending' changed the row. {@link #enqueue} joins the caller's transaction, so an activity is
 * queued only if what caused it is stored.
 */
public final class DeliveryRepository {
  private static final String CLAIMABLE =
      """
      ((status = 'queued' AND next_attempt_at <= :now)
       OR (status = 'sending' AND claimed_until <= :now))
      """;

  private static final RowMapper<Delivery> MAPPER =
      (rs, ctx) ->
          new Delivery(
              rs.getLong("id"),
              rs.getString("inbox"),
              rs.getString("activity"),
              DeliveryStatus.fromDb(rs.getString("status")),
              rs.getInt("attempts"),
              Times.instant(rs, "next_attempt_at"),
              rs.getString("last_error"),
              Times.instant(rs, "created_at"),
              Times.instant(rs, "delivered_at"));

  private final Jdbi jdbi;

  public DeliveryRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Queues {@code activity} for {@code inbox}, due at {@code due}; returns its id. */
  public long enqueue(String inbox, String activity, Instant due, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO federation_deliveries (inbox, activity, status, attempts,
                      next_attempt_at, created_at)
                    VALUES (:inbox, :activity, 'queued', 0, :due, :now)
                    """)
                .bind("inbox", inbox)
                .bind("activity", activity)
                .bind("due", due)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /** Claims up to {@code limit} due deliveries for {@code workerId}; only those this call won. */
  public List<Delivery> claimDue(Instant now, int limit, String workerId, Duration lease) {
    Instant until = now.plus(lease);
    return jdbi.withHandle(
        h -> {
          List<Delivery> claimed = new ArrayList<>();
          List<Long> candidates;
          while (claimed.size() < limit
              && !(candidates = candidates(h, now, limit - claimed.size())).isEmpty()) {
            for (long id : candidates) {
              int changed =
                  h.createUpdate(
                          "UPDATE federation_deliveries SET status = 'sending',"
                              + " attempts = attempts + 1, claimed_by = :worker,"
                              + " claimed_until = :until WHERE id = :id AND "
                              + CLAIMABLE)
                      .bind("worker", workerId)
                      .bind("until", until)
                      .bind("id", id)
                      .bind("now", now)
                      .execute();
              if (changed == 1) {
                find(h, id).ifPresent(claimed::add);
              }
            }
          }
          return claimed;
        });
  }

  private static List<Long> candidates(Handle h, Instant now, int limit) {
    return h.createQuery(
            "SELECT id FROM federation_deliveries WHERE "
                + CLAIMABLE
                + " ORDER BY next_attempt_at, id LIMIT :limit")
        .bind("now", now)
        .bind("limit", limit)
        .mapTo(Long.class)
        .list();
  }

  public boolean markDelivered(long id, String workerId, Instant now) {
    return finish(
        id,
        workerId,
        "status = 'delivered', delivered_at = :now, claimed_until = NULL, last_error = NULL",
        now,
        null,
        null);
  }

  public boolean markRetry(long id, String workerId, String error, Instant next) {
    return finish(
        id,
        workerId,
        "status = 'queued', next_attempt_at = :next, claimed_until = NULL, last_error = :error",
        null,
        next,
        error);
  }

  public boolean markDead(long id, String workerId, String error) {
    return finish(
        id,
        workerId,
        "status = 'dead', claimed_until = NULL, last_error = :error",
        null,
        null,
        error);
  }

  private boolean finish(
      long id, String workerId, String assignments, Instant now, Instant next, String error) {
    return jdbi.withHandle(
        h -> {
          var update =
              h.createUpdate(
                      "UPDATE federation_deliveries SET "
                          + assignments
                          + " WHERE id = :id AND status = 'sending' AND claimed_by = :worker")
                  .bind("id", id)
                  .bind("worker", workerId);
          if (now != null) {
            update.bind("now", now);
          }
          if (next != null) {
            update.bind("next", next);
          }
          if (error != null) {
            update.bind("error", FollowerRepository.truncate(error, 2000));
          }
          return update.execute() == 1;
        });
  }

  /** Puts a dead delivery back in the queue, due now, with its attempts counted from zero. */
  public boolean retry(long id, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                        """
                        UPDATE federation_deliveries SET status = 'queued', attempts = 0,
                          next_attempt_at = :now WHERE id = :id AND status = 'dead'
                        """)
                    .bind("id", id)
                    .bind("now", now)
                    .execute()
                == 1);
  }

  public Optional<Delivery> findById(long id) {
    return jdbi.withHandle(h -> find(h, id));
  }

  private static Optional<Delivery> find(Handle h, long id) {
    return h.createQuery("SELECT * FROM federation_deliveries WHERE id = :id")
        .bind("id", id)
        .map(MAPPER)
        .findOne();
  }

  /** The newest deliveries in {@code status}, at most {@code limit}. */
  public List<Delivery> list(DeliveryStatus status, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM federation_deliveries WHERE status = :status"
                        + " ORDER BY id DESC LIMIT :limit")
                .bind("status", status.db())
                .bind("limit", limit)
                .map(MAPPER)
                .list());
  }

  /** How many deliveries are in each status; every status is present. */
  public Map<DeliveryStatus, Long> countByStatus() {
    Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
    for (DeliveryStatus status : DeliveryStatus.values()) {
      counts.put(status, 0L);
    }
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT status, COUNT(*) AS n FROM federation_deliveries GROUP BY status")
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                .forEach(e -> counts.put(DeliveryStatus.fromDb(e.getKey()), e.getValue())));
    return counts;
  }
}
