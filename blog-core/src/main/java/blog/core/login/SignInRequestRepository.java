package blog.core.login;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Pending log-ins, each taken (and so used up) exactly once, even by racing callbacks. */
public final class SignInRequestRepository {
  private final Jdbi jdbi;

  public SignInRequestRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void save(SignInRequest request, Instant now, Instant expiresAt) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO sign_in_requests (state_hash, browser_hash, provider, nonce,
                      code_verifier, redirect_to, post_id, form_data, link_from, created_at,
                      expires_at)
                    VALUES (:stateHash, :browserHash, :provider, :nonce, :codeVerifier,
                      :redirectTo, :postId, :formData, :linkFrom, :now, :expiresAt)
                    """)
                .bindMethods(request)
                .bind("now", now)
                .bind("expiresAt", expiresAt)
                .execute());
  }

  /**
   * Removes and returns the request with this state if it has not expired. Of two callers with the
   * same state only the one whose DELETE removed the row gets it.
   */
  public Optional<SignInRequest> take(String stateHash, Instant now) {
    return jdbi.inTransaction(
        h -> {
          Optional<SignInRequest> found =
              h.createQuery(
                      "SELECT * FROM sign_in_requests WHERE state_hash = :s AND expires_at > :now")
                  .bind("s", stateHash)
                  .bind("now", now)
                  .map(
                      (rs, ctx) ->
                          new SignInRequest(
                              rs.getString("state_hash"),
                              rs.getString("browser_hash"),
                              rs.getString("provider"),
                              rs.getString("nonce"),
                              rs.getString("code_verifier"),
                              rs.getString("redirect_to"),
                              rs.getObject("post_id", Long.class),
                              rs.getString("form_data"),
                              rs.getObject("link_from", Long.class)))
                  .findOne();
          int deleted =
              h.createUpdate("DELETE FROM sign_in_requests WHERE state_hash = :s")
                  .bind("s", stateHash)
                  .execute();
          return deleted == 1 ? found : Optional.empty();
        });
  }

  public int deleteExpired(Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM sign_in_requests WHERE expires_at <= :now")
                .bind("now", now)
                .execute());
  }
}
