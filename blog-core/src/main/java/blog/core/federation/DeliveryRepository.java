package blog.core.federation;

import blog.core.db.LeasedQueue;
import blog.core.db.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The queue of outgoing activities shared by all instances, claimed and released through {@link
 * LeasedQueue} as the mail queue is: a worker owns a delivery only after its conditional UPDATE
 * changed the row. {@link #enqueue} joins the caller's transaction, so an activity is queued only
 * if what caused it is stored. Other queues of the same shape (Webmention's) use it with a {@link
 * Table} of their own.
 */
public final class DeliveryRepository {
  /**
   * A queue's table and the names of its two columns: where a delivery goes ({@code address}, an
   * inbox) and what it carries ({@code payload}, an activity). The other columns are those of
   * {@code federation_deliveries}.
   */
  public record Table(String name, String address, String payload) {
    public static final Table ACTIVITIES = new Table("federation_deliveries", "inbox", "activity");

    public Table {
      for (String identifier : List.of(name, address, payload)) {
        if (!identifier.matches("[a-z_]{1,63}")) {
          throw new IllegalArgumentException("not a plain SQL name: " + identifier);
        }
      }
    }
  }

  private final RowMapper<Delivery> mapper =
      (rs, ctx) ->
          new Delivery(
              rs.getLong("id"),
              rs.getString(table().address()),
              rs.getString(table().payload()),
              DeliveryStatus.fromDb(rs.getString("status")),
              rs.getInt("attempts"),
              Times.instant(rs, "next_attempt_at"),
              rs.getString("last_error"),
              Times.instant(rs, "created_at"),
              Times.instant(rs, "delivered_at"));

  private final Jdbi jdbi;
  private final Table table;
  private final LeasedQueue queue;

  public DeliveryRepository(Jdbi jdbi) {
    this(jdbi, Table.ACTIVITIES);
  }

  public DeliveryRepository(Jdbi jdbi, Table table) {
    this.jdbi = jdbi;
    this.table = table;
    this.queue = new LeasedQueue(table.name());
  }

  private Table table() {
    return table;
  }

  /** Queues {@code activity} for {@code inbox}, due at {@code due}; returns its id. */
  public long enqueue(String inbox, String activity, Instant due, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO "
                        + table.name()
                        + " ("
                        + table.address()
                        + ", "
                        + table.payload()
                        + ", status, attempts, next_attempt_at, created_at)"
                        + " VALUES (:inbox, :activity, 'queued', 0, :due, :now)")
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
    return jdbi.withHandle(
        h ->
            queue.claim(h, now, limit, workerId, lease).stream()
                .flatMap(id -> find(h, id).stream())
                .toList());
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
        h ->
            queue.finish(
                h,
                id,
                workerId,
                assignments,
                update -> {
                  if (now != null) {
                    update.bind("now", now);
                  }
                  if (next != null) {
                    update.bind("next", next);
                  }
                  if (error != null) {
                    update.bind("error", FollowerRepository.truncate(error, 2000));
                  }
                  return update;
                }));
  }

  /** Puts a dead delivery back in the queue, due now, with its attempts counted from zero. */
  public boolean retry(long id, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                        "UPDATE "
                            + table.name()
                            + " SET status = 'queued', attempts = 0,"
                            + " next_attempt_at = :now WHERE id = :id AND status = 'dead'")
                    .bind("id", id)
                    .bind("now", now)
                    .execute()
                == 1);
  }

  /**
   * Forgets the deliveries delivered before {@code cutoff} (the queues' retention); waiting and
   * given-up ones stay. Returns how many went.
   */
  public int deleteDeliveredBefore(Instant cutoff) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "DELETE FROM "
                        + table.name()
                        + " WHERE status = 'delivered' AND delivered_at < :cutoff")
                .bind("cutoff", cutoff)
                .execute());
  }

  /** Removes a given-up delivery from the admin's list for good; others are left alone. */
  public boolean dismiss(long id) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM " + table.name() + " WHERE id = :id AND status = 'dead'")
                    .bind("id", id)
                    .execute()
                == 1);
  }

  public Optional<Delivery> findById(long id) {
    return jdbi.withHandle(h -> find(h, id));
  }

  private Optional<Delivery> find(Handle h, long id) {
    return h.createQuery("SELECT * FROM " + table.name() + " WHERE id = :id")
        .bind("id", id)
        .map(mapper)
        .findOne();
  }

  /** The newest deliveries in {@code status}, at most {@code limit}. */
  public List<Delivery> list(DeliveryStatus status, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM "
                        + table.name()
                        + " WHERE status = :status ORDER BY id DESC LIMIT :limit")
                .bind("status", status.db())
                .bind("limit", limit)
                .map(mapper)
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
            h.createQuery("SELECT status, COUNT(*) AS n FROM " + table.name() + " GROUP BY status")
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                .forEach(e -> counts.put(DeliveryStatus.fromDb(e.getKey()), e.getValue())));
    return counts;
  }
}
