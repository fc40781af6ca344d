package blog.core.moderation;

import blog.core.comment.CommentStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * What moderators change: comments' statuses (remembering where spam and trash came from), their
 * first publication, permanent deletion, and corrections. Callers run these in one transaction.
 */
public final class ModerationRepository {
  /** A comment an action is about: enough to check who may act on it. */
  public record Target(long id, long postId, long postAuthorId, CommentStatus status) {}

  /** Where comments go that nobody should see: out of the way, but not yet deleted. */
  private static final String ASIDE_STATUS = "status IN ('spam', 'trash')";

  private final Jdbi jdbi;

  public ModerationRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Those of {@code ids} that exist, with their post's author, oldest first. */
  public List<Target> targets(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT c.id, c.post_id, p.author_id, c.status FROM comments c
                    JOIN posts p ON p.id = c.post_id WHERE c.id IN (<ids>)
                    ORDER BY c.created_at, c.id
                    """)
                .bindList("ids", List.copyOf(ids))
                .map(
                    (rs, ctx) ->
                        new Target(
                            rs.getLong("id"),
                            rs.getLong("post_id"),
                            rs.getLong("author_id"),
                            CommentStatus.fromDb(rs.getString("status"))))
                .list());
  }

  /** Makes public those of {@code ids} that are not; returns how many changed. */
  public int approve(Collection<Long> ids) {
    return update(
        "UPDATE comments SET status = 'approved', previous_status = NULL"
            + " WHERE id IN (<ids>) AND status <> 'approved'",
        ids);
  }

  /** Sends approved comments back to the queue. */
  public int unapprove(Collection<Long> ids) {
    return update(
        "UPDATE comments SET status = 'pending' WHERE id IN (<ids>) AND status = 'approved'", ids);
  }

  /**
   * Moves comments to the spam or the trash, remembering the status they leave unless they come
   * from the other of the two (then the status from before that is kept).
   */
  public int moveAside(Collection<Long> ids, CommentStatus to) {
    if (to != CommentStatus.SPAM && to != CommentStatus.TRASH) {
      throw new IllegalArgumentException("only spam and trash are aside: " + to);
    }
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    UPDATE comments SET status = :to,
                      previous_status = CASE WHEN status IN ('pending', 'approved') THEN status
                                             ELSE previous_status END
                    WHERE id IN (<ids>) AND status <> :to
                    """)
                .bindList("ids", List.copyOf(ids))
                .bind("to", to.dbValue())
                .execute());
  }

  /** Takes comments out of the spam or the trash, back to where they were (else pending). */
  public int restore(Collection<Long> ids) {
    return update(
        "UPDATE comments SET status = COALESCE(previous_status, 'pending'), previous_status = NULL"
            + " WHERE id IN (<ids>) AND "
            + ASIDE_STATUS,
        ids);
  }

  private int update(String sql, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbi.withHandle(h -> h.createUpdate(sql).bindList("ids", List.copyOf(ids)).execute());
  }

  /**
   * Records that the approved comment {@code id} became public now; true only the first time, so
   * the news goes out once even when moderators race.
   */
  public boolean markAnnounced(long id, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                        """
                        UPDATE comments SET approved_at = :now
                        WHERE id = :id AND status = 'approved' AND approved_at IS NULL
                        """)
                    .bind("id", id)
                    .bind("now", now)
                    .execute()
                == 1);
  }

  /**
   * Deletes for good those of {@code ids} that are in the spam or the trash. Their replies move up
   * to the deleted comment's parent, as WordPress does, rather than losing their place.
   */
  public int deleteAside(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbi.withHandle(
        h -> {
          List<Long> doomed =
              h.createQuery("SELECT id FROM comments WHERE id IN (<ids>) AND " + ASIDE_STATUS)
                  .bindList("ids", List.copyOf(ids))
                  .mapTo(Long.class)
                  .list();
          int deleted = 0;
          for (long id : doomed) {
            // The parent is read now, not before the loop: it may itself have just been deleted.
            h.createUpdate(
                    """
                    UPDATE comments SET parent_id = (SELECT d.parent_id FROM comments d
                                                     WHERE d.id = :id)
                    WHERE parent_id = :id
                    """)
                .bind("id", id)
                .execute();
            deleted +=
                h.createUpdate("DELETE FROM comments WHERE id = :id AND " + ASIDE_STATUS)
                    .bind("id", id)
                    .execute();
          }
          return deleted;
        });
  }

  /** What a moderator may change of a comment: who wrote it and its text. */
  public void updateContent(
      long id, String name, String email, String url, String bodySource, String bodyHtml) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    UPDATE comments SET author_name = :name, author_email = :email,
                      author_url = :url, body_source = :source, body_html = :html
                    WHERE id = :id
                    """)
                .bind("id", id)
                .bind("name", name)
                .bind("email", email)
                .bind("url", url)
                .bind("source", bodySource)
                .bind("html", bodyHtml)
                .execute());
  }
}
