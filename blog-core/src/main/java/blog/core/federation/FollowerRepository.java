package blog.core.federation;

import blog.core.db.Times;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The blog's followers. Joins the caller's transaction where there is one. */
public final class FollowerRepository {
  private static final RowMapper<Follower> MAPPER =
      (rs, ctx) ->
          new Follower(
              rs.getLong("id"),
              rs.getString("actor_id"),
              rs.getString("inbox"),
              rs.getString("shared_inbox"),
              rs.getString("handle"),
              rs.getString("domain"),
              Times.instant(rs, "created_at"));

  private final Jdbi jdbi;

  public FollowerRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Stores the follower, or refreshes its inboxes and handle when it follows already. */
  public void save(RemoteActor actor, Instant now) {
    jdbi.useHandle(
        h -> {
          int updated =
              h.createUpdate(
                      """
                      UPDATE federation_followers SET inbox = :inbox, shared_inbox = :shared,
                        handle = :handle, domain = :domain WHERE actor_id = :actor
                      """)
                  .bind("inbox", actor.inbox())
                  .bind("shared", actor.sharedInbox())
                  .bind("handle", truncate(actor.handle(), 500))
                  .bind("domain", actor.domain())
                  .bind("actor", actor.id())
                  .execute();
          if (updated == 0) {
            h.createUpdate(
                    """
                    INSERT INTO federation_followers (actor_id, inbox, shared_inbox, handle,
                      domain, created_at)
                    VALUES (:actor, :inbox, :shared, :handle, :domain, :now)
                    """)
                .bind("inbox", actor.inbox())
                .bind("shared", actor.sharedInbox())
                .bind("handle", truncate(actor.handle(), 500))
                .bind("domain", actor.domain())
                .bind("actor", actor.id())
                .bind("now", now)
                .execute();
          }
        });
  }

  /** Removes the follower; whether there was one. */
  public boolean remove(String actorId) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM federation_followers WHERE actor_id = :actor")
                    .bind("actor", actorId)
                    .execute()
                > 0);
  }

  public int removeDomain(String domain) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM federation_followers WHERE domain = :domain")
                .bind("domain", domain)
                .execute());
  }

  public Optional<Follower> findById(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM federation_followers WHERE id = :id")
                .bind("id", id)
                .map(MAPPER)
                .findOne());
  }

  public Optional<Follower> findByActor(String actorId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM federation_followers WHERE actor_id = :actor")
                .bind("actor", actorId)
                .map(MAPPER)
                .findOne());
  }

  /** Every follower, newest first. */
  public List<Follower> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM federation_followers ORDER BY created_at DESC, id DESC")
                .map(MAPPER)
                .list());
  }

  /** The distinct inboxes to deliver one activity to every follower (shared ones once). */
  public List<String> deliveryInboxes() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT DISTINCT COALESCE(shared_inbox, inbox) AS target
                    FROM federation_followers ORDER BY target
                    """)
                .mapTo(String.class)
                .list());
  }

  public long count() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM federation_followers").mapTo(Long.class).one());
  }

  static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
