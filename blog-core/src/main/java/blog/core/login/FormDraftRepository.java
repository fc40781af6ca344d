package blog.core.login;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Drafts waiting for their browser to come back to the post; each is taken once. */
public final class FormDraftRepository {
  private final Jdbi jdbi;

  public FormDraftRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void save(
      String idHash, String browserHash, FormDraft draft, Instant now, Instant expires) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO form_drafts (id_hash, browser_hash, post_id, form_data, message,
                      created_at, expires_at)
                    VALUES (:id, :browser, :postId, :formData, :message, :now, :expires)
                    """)
                .bind("id", idHash)
                .bind("browser", browserHash)
                .bind("postId", draft.postId())
                .bind("formData", draft.formData())
                .bind("message", draft.message())
                .bind("now", now)
                .bind("expires", expires)
                .execute());
  }

  /** The draft, if it exists, belongs to this browser and has not expired; it is removed. */
  public Optional<FormDraft> take(String idHash, String browserHash, Instant now) {
    return jdbi.inTransaction(
        h -> {
          Optional<FormDraft> found =
              h.createQuery(
                      """
                      SELECT * FROM form_drafts
                      WHERE id_hash = :id AND browser_hash = :browser AND expires_at > :now
                      """)
                  .bind("id", idHash)
                  .bind("browser", browserHash)
                  .bind("now", now)
                  .map(
                      (rs, ctx) ->
                          new FormDraft(
                              rs.getLong("post_id"),
                              rs.getString("form_data"),
                              rs.getString("message")))
                  .findOne();
          if (found.isPresent()) {
            h.createUpdate("DELETE FROM form_drafts WHERE id_hash = :id")
                .bind("id", idHash)
                .execute();
          }
          return found;
        });
  }

  public int deleteExpired(Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM form_drafts WHERE expires_at <= :now")
                .bind("now", now)
                .execute());
  }
}
