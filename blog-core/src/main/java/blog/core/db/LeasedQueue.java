package blog.core.db;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * The claim and release of a work queue that several instances share (the mail queue, the
 * fediverse's and Webmention's deliveries): a table with the columns {@code id}, {@code status}
 * ('queued', 'sending' and final ones of its own), {@code attempts}, {@code next_attempt_at},
 * {@code claimed_by} and {@code claimed_until}. A worker owns a row only after its conditional
 * UPDATE from claimable to 'sending' changed it; the database serialises competing updates of one
 * row, so of two workers that both saw it, one wins and one gets 0 rows. A claim is a lease: a row
 * whose worker died is claimable again once it runs out.
 */
public final class LeasedQueue {
  /** Due queued rows, or a claim whose lease ran out (its worker died or hung). */
  public static final String CLAIMABLE =
      """
      ((status = 'queued' AND next_attempt_at <= :now)
       OR (status = 'sending' AND claimed_until <= :now))
      """;

  private static final Pattern PLAIN = Pattern.compile("[a-z_]{1,63}");

  private final String table;

  public LeasedQueue(String table) {
    if (!PLAIN.matcher(table).matches()) {
      throw new IllegalArgumentException("not a plain SQL name: " + table);
    }
    this.table = table;
  }

  /**
   * Claims up to {@code limit} claimable rows, oldest due first, for {@code workerId} until {@code
   * now + lease}, counting one more attempt on each; the ids this call won.
   */
  public List<Long> claim(Handle h, Instant now, int limit, String workerId, Duration lease) {
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive");
    }
    Instant until = now.plus(lease);
    List<Long> claimed = new ArrayList<>();
    // Another worker may win some candidates; look again rather than return short while
    // claimable rows are left. Ends: each round claims rows or sees others claim them.
    List<Long> candidates;
    while (claimed.size() < limit
        && !(candidates = candidates(h, now, limit - claimed.size())).isEmpty()) {
      for (long id : candidates) {
        int changed =
            h.createUpdate(
                    "UPDATE "
                        + table
                        + " SET status = 'sending', attempts = attempts + 1,"
                        + " claimed_by = :worker, claimed_until = :until WHERE id = :id AND "
                        + CLAIMABLE)
                .bind("worker", workerId)
                .bind("until", until)
                .bind("id", id)
                .bind("now", now)
                .execute();
        if (changed == 1) {
          claimed.add(id);
        }
      }
    }
    return claimed;
  }

  private List<Long> candidates(Handle h, Instant now, int limit) {
    return h.createQuery(
            "SELECT id FROM "
                + table
                + " WHERE "
                + CLAIMABLE
                + " ORDER BY next_attempt_at, id LIMIT :limit")
        .bind("now", now)
        .bind("limit", limit)
        .mapTo(Long.class)
        .list();
  }

  /**
   * Ends {@code workerId}'s claim on row {@code id} with {@code assignments} (its new status and
   * what goes with it, bound by {@code binder}). False when the worker no longer holds the claim
   * (its lease ran out and another took the row over); the row is then left to that one.
   */
  public boolean finish(
      Handle h, long id, String workerId, String assignments, UnaryOperator<Update> binder) {
    return binder
            .apply(
                h.createUpdate(
                        "UPDATE "
                            + table
                            + " SET "
                            + assignments
                            + " WHERE id = :id AND status = 'sending' AND claimed_by = :worker")
                    .bind("id", id)
                    .bind("worker", workerId))
            .execute()
        == 1;
  }
}
