package blog.core.federation;

import blog.core.post.PostRepository;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The blog's own comments and the fediverse: which were sent as notes (with the name and text as
 * sent, so an edit shows), which were deleted since, and which their writers kept to the blog.
 */
public final class SentCommentRepository {
  /** A sent comment whose state differs now: edited, or no longer to be shown (gone). */
  public record Changed(long commentId, boolean gone) {}

  private static final String KEPT_BACK =
      "EXISTS (SELECT 1 FROM federation_comment_optouts o WHERE o.comment_id = c.id)";

  private final Jdbi jdbi;

  public SentCommentRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * The writer unticked "Share this comment with the fediverse"; joins the caller's transaction.
   */
  public void keepBack(long commentId) {
    if (!isKeptBack(commentId)) {
      jdbi.useHandle(
          h ->
              h.createUpdate("INSERT INTO federation_comment_optouts (comment_id) VALUES (:id)")
                  .bind("id", commentId)
                  .execute());
    }
  }

  public boolean isKeptBack(long commentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM federation_comment_optouts WHERE comment_id = :id")
                    .bind("id", commentId)
                    .mapTo(Long.class)
                    .one()
                > 0);
  }

  /**
   * Approved comments written on the blog since {@code since}, on posts that went out and are still
   * visible, neither sent yet, nor from the fediverse or a Webmention, nor kept back by their
   * writers; oldest first.
   */
  public List<Long> unsent(Instant since, Instant now, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT c.id FROM comments c"
                        + " JOIN federation_posts f ON f.post_id = c.post_id AND f.deleted = FALSE"
                        + " JOIN posts p ON p.id = c.post_id"
                        + " WHERE c.status = 'approved' AND c.created_at >= :since AND "
                        + PostRepository.VISIBLE
                        // Sent and standing; one whose Delete went out is sent again.
                        + " AND NOT EXISTS (SELECT 1 FROM federation_sent_comments s"
                        + " WHERE s.comment_id = c.id AND s.deleted = FALSE)"
                        + " AND NOT EXISTS (SELECT 1 FROM federation_comments r"
                        + " WHERE r.comment_id = c.id)"
                        // Written on another site, told here by a Webmention: not ours to send.
                        + " AND NOT EXISTS (SELECT 1 FROM commenter_identities i"
                        + " WHERE i.id = c.identity_id AND i.provider = 'webmention')"
                        + " AND NOT "
                        + KEPT_BACK
                        + " ORDER BY c.id LIMIT :limit")
                .bind("since", since)
                .bind("now", now)
                .bind("limit", limit)
                .mapTo(Long.class)
                .list());
  }

  /** Sent comments since edited, or deleted, trashed, held again, marked spam or kept back. */
  public List<Changed> changed(int limit) {
    String gone = "c.id IS NULL OR c.status <> 'approved' OR " + KEPT_BACK;
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT s.comment_id, CASE WHEN "
                        + gone
                        + " THEN 1 ELSE 0 END AS gone FROM federation_sent_comments s"
                        + " LEFT JOIN comments c ON c.id = s.comment_id"
                        + " WHERE s.deleted = FALSE AND ("
                        + gone
                        + " OR c.author_name <> s.sent_name OR c.body_html <> s.sent_body_html)"
                        + " ORDER BY s.comment_id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new Changed(rs.getLong(1), rs.getInt(2) == 1))
                .list());
  }

  /**
   * Records the comment as sent: the first time, or again after its {@code Delete} went out (then
   * under the next {@link #generation}).
   */
  public void sent(long commentId, String name, String bodyHtml, Instant now) {
    jdbi.useHandle(
        h -> {
          int again =
              h.createUpdate(
                      """
                      UPDATE federation_sent_comments
                      SET sent_name = :name, sent_body_html = :body, deleted = FALSE,
                        generation = generation + 1, updated_at = :now
                      WHERE comment_id = :id AND deleted = TRUE
                      """)
                  .bind("id", commentId)
                  .bind("name", name)
                  .bind("body", bodyHtml)
                  .bind("now", now)
                  .execute();
          if (again == 0) {
            h.createUpdate(
                    """
                    INSERT INTO federation_sent_comments (comment_id, sent_name, sent_body_html,
                      deleted, updated_at)
                    VALUES (:id, :name, :body, FALSE, :now)
                    """)
                .bind("id", commentId)
                .bind("name", name)
                .bind("body", bodyHtml)
                .bind("now", now)
                .execute();
          }
        });
  }

  /**
   * How many times the comment went out again after a {@code Delete} (0 for a comment sent once, or
   * never): the last part of its note's id.
   */
  public int generation(long commentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT generation FROM federation_sent_comments WHERE comment_id = :id")
                .bind("id", commentId)
                .mapTo(Integer.class)
                .findOne()
                .orElse(0));
  }

  public void updated(long commentId, String name, String bodyHtml, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE federation_sent_comments SET sent_name = :name,"
                        + " sent_body_html = :body, updated_at = :now WHERE comment_id = :id")
                .bind("id", commentId)
                .bind("name", name)
                .bind("body", bodyHtml)
                .bind("now", now)
                .execute());
  }

  public void deleted(long commentId, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE federation_sent_comments SET deleted = TRUE, updated_at = :now"
                        + " WHERE comment_id = :id")
                .bind("id", commentId)
                .bind("now", now)
                .execute());
  }

  /** Whether the comment went out as a note and was not deleted since. */
  public boolean isSent(long commentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                        "SELECT COUNT(*) FROM federation_sent_comments"
                            + " WHERE comment_id = :id AND deleted = FALSE")
                    .bind("id", commentId)
                    .mapTo(Long.class)
                    .one()
                > 0);
  }
}
