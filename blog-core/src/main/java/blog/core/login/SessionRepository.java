package blog.core.login;

import blog.core.db.Times;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Server-side sessions, found by the hash of their token (the token itself is never stored). */
public final class SessionRepository {
  private static final RowMapper<Session> MAPPER =
      (rs, ctx) ->
          new Session(
              rs.getString("id_hash"),
              rs.getObject("user_id", Long.class),
              rs.getObject("identity_id", Long.class),
              Times.instant(rs, "created_at"),
              Times.instant(rs, "last_seen_at"),
              Times.instant(rs, "expires_at"),
              rs.getLong("idle_seconds"));

  private final Jdbi jdbi;

  public SessionRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void insert(Session s, String csrfToken) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO sessions (id_hash, user_id, identity_id, csrf_token, created_at,
                      last_seen_at, expires_at, idle_seconds)
                    VALUES (:idHash, :userId, :identityId, :csrf, :createdAt, :lastSeenAt,
                      :expiresAt, :idleSeconds)
                    """)
                .bindMethods(s)
                .bind("csrf", csrfToken)
                .execute());
  }

  public Optional<Session> find(String idHash) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM sessions WHERE id_hash = :id")
                .bind("id", idHash)
                .map(MAPPER)
                .findOne());
  }

  public void touch(String idHash, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE sessions SET last_seen_at = :now WHERE id_hash = :id")
                .bind("id", idHash)
                .bind("now", now)
                .execute());
  }

  public void delete(String idHash) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM sessions WHERE id_hash = :id")
                .bind("id", idHash)
                .execute());
  }

  /** Removes sessions past their absolute end; returns how many. */
  public int deleteExpired(Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM sessions WHERE expires_at <= :now")
                .bind("now", now)
                .execute());
  }
}
