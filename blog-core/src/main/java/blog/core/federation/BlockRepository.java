package blog.core.federation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/** Blocked servers (by domain) and blocked accounts (by actor id). */
public final class BlockRepository {
  /** A block as the admin sees it: a domain or an account. */
  public record Block(long id, String domain, String actorId) {}

  private final Jdbi jdbi;

  public BlockRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Whether the account, or its server (or a server it is under, e.g. a.b.example for b.example),
   * is blocked.
   */
  public boolean isBlocked(String actorId, String domain) {
    String d = domain == null ? "" : domain.toLowerCase(Locale.ROOT);
    return jdbi.withHandle(
        h ->
            h.createQuery(
                        """
                    SELECT COUNT(*) FROM federation_blocks
                    WHERE actor_id = :actor OR domain = :domain
                       OR (domain IS NOT NULL AND :domain LIKE CONCAT('%.', domain))
                    """)
                    .bind("actor", actorId == null ? "" : actorId)
                    .bind("domain", d)
                    .mapTo(Long.class)
                    .one()
                > 0);
  }

  public void blockDomain(String domain, Instant now) {
    insert("domain", domain.toLowerCase(Locale.ROOT).strip(), now);
  }

  public void blockActor(String actorId, Instant now) {
    insert("actor_id", actorId, now);
  }

  private void insert(String column, String value, Instant now) {
    jdbi.useHandle(
        h -> {
          long present =
              h.createQuery("SELECT COUNT(*) FROM federation_blocks WHERE " + column + " = :v")
                  .bind("v", value)
                  .mapTo(Long.class)
                  .one();
          if (present == 0) {
            h.createUpdate(
                    "INSERT INTO federation_blocks (" + column + ", created_at) VALUES (:v, :now)")
                .bind("v", value)
                .bind("now", now)
                .execute();
          }
        });
  }

  public boolean unblock(long id) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM federation_blocks WHERE id = :id").bind("id", id).execute()
                > 0);
  }

  public List<Block> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id, domain, actor_id FROM federation_blocks ORDER BY id DESC")
                .map((rs, ctx) -> new Block(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list());
  }
}
