package blog.core.federation;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Remote authors' avatars, stored once and served by the blog. */
public final class AvatarRepository {
  /** An avatar's bytes and type. */
  public record Avatar(long id, String contentType, byte[] data) {}

  private final Jdbi jdbi;

  public AvatarRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Optional<Long> idFor(String actorId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id FROM federation_avatars WHERE actor_id = :actor")
                .bind("actor", actorId)
                .mapTo(Long.class)
                .findOne());
  }

  /** Stores the avatar of {@code actorId} unless one is there already; returns its id. */
  public long store(String actorId, String contentType, byte[] data, Instant now) {
    return idFor(actorId)
        .orElseGet(
            () -> {
              try {
                return jdbi.withHandle(
                    h ->
                        h.createUpdate(
                                """
                                INSERT INTO federation_avatars (actor_id, content_type, data,
                                  fetched_at)
                                VALUES (:actor, :type, :data, :now)
                                """)
                            .bind("actor", actorId)
                            .bind("type", contentType)
                            .bind("data", data)
                            .bind("now", now)
                            .executeAndReturnGeneratedKeys("id")
                            .mapTo(Long.class)
                            .one());
              } catch (RuntimeException e) {
                if (!blog.core.db.UniqueViolations.isUniqueViolation(e)) {
                  throw e;
                }
                return idFor(actorId).orElseThrow();
              }
            });
  }

  public Optional<Avatar> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id, content_type, data FROM federation_avatars WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Avatar(rs.getLong(1), rs.getString(2), rs.getBytes(3)))
                .findOne());
  }
}
