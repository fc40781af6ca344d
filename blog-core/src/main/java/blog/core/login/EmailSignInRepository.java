package blog.core.login;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Log-in links mailed to an address, each taken once by the browser that asked for it. */
public final class EmailSignInRepository {
  /**
   * A link waiting to be used: who it logs in, and the post and comment to go back to; or the
   * identity of the logged-in commenter who asked to link this address ({@code linkFrom}).
   */
  public record Pending(String email, Long postId, String formData, Long linkFrom) {}

  private static final RowMapper<Pending> MAPPER =
      (rs, ctx) ->
          new Pending(
              rs.getString("email"),
              rs.getObject("post_id", Long.class),
              rs.getString("form_data"),
              rs.getObject("link_from", Long.class));

  private final Jdbi jdbi;

  public EmailSignInRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void save(
      String tokenHash, String browserHash, Pending pending, Instant now, Instant expires) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO email_sign_ins (token_hash, browser_hash, email, post_id,
                      link_from, form_data, created_at, expires_at)
                    VALUES (:token, :browser, :email, :postId, :linkFrom, :formData, :now,
                      :expires)
                    """)
                .bind("token", tokenHash)
                .bind("browser", browserHash)
                .bind("email", pending.email())
                .bind("postId", pending.postId())
                .bind("linkFrom", pending.linkFrom())
                .bind("formData", pending.formData())
                .bind("now", now)
                .bind("expires", expires)
                .execute());
  }

  /** The link, if it is still valid for this browser; it stays usable. */
  public Optional<Pending> find(String tokenHash, String browserHash, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT email, post_id, form_data, link_from FROM email_sign_ins
                    WHERE token_hash = :token AND browser_hash = :browser AND expires_at > :now
                    """)
                .bind("token", tokenHash)
                .bind("browser", browserHash)
                .bind("now", now)
                .map(MAPPER)
                .findOne());
  }

  /**
   * Removes and returns the link if it is still valid for this browser. Of two callers with the
   * same token only the one whose DELETE removed the row gets it; another browser's try leaves it
   * be.
   */
  public Optional<Pending> take(String tokenHash, String browserHash, Instant now) {
    return jdbi.inTransaction(
        h -> {
          Optional<Pending> found =
              h.createQuery(
                      """
                      SELECT email, post_id, form_data, link_from FROM email_sign_ins
                      WHERE token_hash = :token AND browser_hash = :browser AND expires_at > :now
                      """)
                  .bind("token", tokenHash)
                  .bind("browser", browserHash)
                  .bind("now", now)
                  .map(MAPPER)
                  .findOne();
          if (found.isEmpty()) {
            return found;
          }
          int deleted =
              h.createUpdate("DELETE FROM email_sign_ins WHERE token_hash = :token")
                  .bind("token", tokenHash)
                  .execute();
          return deleted == 1 ? found : Optional.<Pending>empty();
        });
  }

  public int deleteExpired(Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM email_sign_ins WHERE expires_at <= :now")
                .bind("now", now)
                .execute());
  }
}
