package blog.core.notify;

import blog.core.db.UniqueViolations;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Email subscriptions, one row per address and scope. */
public final class SubscriptionRepository {
  private static final RowMapper<Subscription> MAPPER =
      (rs, ctx) ->
          new Subscription(
              rs.getLong("id"),
              rs.getString("email"),
              rs.getObject("post_id", Long.class),
              SubscriptionStatus.fromDb(rs.getString("status")));

  private static final String SAVEPOINT = "subscription_request";

  private final Jdbi jdbi;

  public SubscriptionRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A subscription after a request, and whether a confirmation mail should go out for it. */
  public record Requested(Subscription subscription, boolean needsConfirmation) {}

  /**
   * The subscription of {@code email} to {@code postId}'s comments (or the blog when null), created
   * pending if there is none, and set pending again if it had been unsubscribed; only then does it
   * need a confirmation mail, so repeated requests cannot flood an address.
   */
  public Requested request(String email, Long postId, Instant now) {
    String scope = Subscription.scopeOf(postId);
    return jdbi.withHandle(
        h -> {
          Optional<Subscription> existing = find(h, email, scope);
          boolean fresh = false;
          if (existing.isEmpty()) {
            // Inside a caller's transaction a failed INSERT must not doom the whole transaction
            // (PostgreSQL aborts it): a savepoint confines a lost race to this statement.
            boolean inTransaction = h.isInTransaction();
            if (inTransaction) {
              h.savepoint(SAVEPOINT);
            }
            try {
              h.createUpdate(
                      """
                      INSERT INTO subscriptions (email, scope, post_id, status, created_at,
                                                 updated_at)
                      VALUES (:email, :scope, :postId, 'pending', :now, :now)
                      """)
                  .bind("email", email)
                  .bind("scope", scope)
                  .bind("postId", postId)
                  .bind("now", now)
                  .execute();
              fresh = true;
              if (inTransaction) {
                h.releaseSavepoint(SAVEPOINT);
              }
            } catch (UnableToExecuteStatementException e) {
              if (!UniqueViolations.isUniqueViolation(e)) {
                throw e;
              }
              if (inTransaction) {
                h.rollbackToSavepoint(SAVEPOINT);
              }
            }
          } else if (existing.get().status() == SubscriptionStatus.UNSUBSCRIBED) {
            setStatus(h, existing.get().id(), SubscriptionStatus.PENDING, now);
            fresh = true;
          }
          return new Requested(find(h, email, scope).orElseThrow(), fresh);
        });
  }

  public Optional<Subscription> findById(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM subscriptions WHERE id = :id")
                .bind("id", id)
                .map(MAPPER)
                .findOne());
  }

  /** Confirms a pending subscription; true if it is active now. */
  public boolean activate(long id, Instant now) {
    return jdbi.withHandle(
        h -> {
          h.createUpdate(
                  """
                  UPDATE subscriptions SET status = 'active', updated_at = :now
                  WHERE id = :id AND status = 'pending'
                  """)
              .bind("id", id)
              .bind("now", now)
              .execute();
          return h.createQuery("SELECT status FROM subscriptions WHERE id = :id")
              .bind("id", id)
              .mapTo(String.class)
              .findOne()
              .map(s -> s.equals("active"))
              .orElse(false);
        });
  }

  public boolean unsubscribe(long id, Instant now) {
    return jdbi.withHandle(h -> setStatus(h, id, SubscriptionStatus.UNSUBSCRIBED, now) == 1);
  }

  /** Confirmed subscribers of a post's comments (or of the blog when {@code postId} is null). */
  public List<Subscription> active(Long postId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM subscriptions WHERE scope = :scope AND status = 'active'"
                        + " ORDER BY id")
                .bind("scope", Subscription.scopeOf(postId))
                .map(MAPPER)
                .list());
  }

  private static Optional<Subscription> find(Handle h, String email, String scope) {
    return h.createQuery("SELECT * FROM subscriptions WHERE email = :email AND scope = :scope")
        .bind("email", email)
        .bind("scope", scope)
        .map(MAPPER)
        .findOne();
  }

  private static int setStatus(Handle h, long id, SubscriptionStatus status, Instant now) {
    return h.createUpdate(
            "UPDATE subscriptions SET status = :status, updated_at = :now WHERE id = :id")
        .bind("status", status.dbValue())
        .bind("now", now)
        .bind("id", id)
        .execute();
  }
}
