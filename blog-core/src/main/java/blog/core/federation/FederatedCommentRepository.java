package blog.core.federation;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Which comments came from the fediverse, as which remote object, written by which account. */
public final class FederatedCommentRepository {
  /** A comment that is a remote note. */
  public record Link(long commentId, String objectId, String actorId) {}

  private final Jdbi jdbi;

  public FederatedCommentRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Records the link; nothing when the comment has it already (a repeated delivery). */
  public void link(long commentId, String objectId, String actorId) {
    jdbi.useHandle(
        h -> {
          long present =
              h.createQuery("SELECT COUNT(*) FROM federation_comments WHERE comment_id = :id")
                  .bind("id", commentId)
                  .mapTo(Long.class)
                  .one();
          if (present == 0) {
            h.createUpdate(
                    """
                    INSERT INTO federation_comments (comment_id, object_id, actor_id)
                    VALUES (:id, :object, :actor)
                    """)
                .bind("id", commentId)
                .bind("object", objectId)
                .bind("actor", actorId)
                .execute();
          }
        });
  }

  public Optional<Link> byObject(String objectId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT comment_id, object_id, actor_id FROM federation_comments"
                        + " WHERE object_id = :object")
                .bind("object", objectId)
                .map((rs, ctx) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .findOne());
  }

  public Optional<Link> byComment(long commentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT comment_id, object_id, actor_id FROM federation_comments"
                        + " WHERE comment_id = :id")
                .bind("id", commentId)
                .map((rs, ctx) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .findOne());
  }
}
