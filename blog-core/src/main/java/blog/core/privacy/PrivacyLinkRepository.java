package blog.core.privacy;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The "My comments" links mailed to guests: valid for a while, in the browser that asked. */
public final class PrivacyLinkRepository {
  private final Jdbi jdbi;

  public PrivacyLinkRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void save(
      String tokenHash, String browserHash, String email, Instant now, Instant expires) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO privacy_links (token_hash, browser_hash, email, created_at,
                      expires_at)
                    VALUES (:token, :browser, :email, :now, :expires)
                    """)
                .bind("token", tokenHash)
                .bind("browser", browserHash)
                .bind("email", email)
                .bind("now", now)
                .bind("expires", expires)
                .execute());
  }

  /** The address a link stands for, while it is valid in this browser. */
  public Optional<String> email(String tokenHash, String browserHash, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT email FROM privacy_links
                    WHERE token_hash = :token AND browser_hash = :browser AND expires_at > :now
                    """)
                .bind("token", tokenHash)
                .bind("browser", browserHash)
                .bind("now", now)
                .mapTo(String.class)
                .findOne());
  }

  public int deleteExpired(Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM privacy_links WHERE expires_at <= :now")
                .bind("now", now)
                .execute());
  }
}
