package blog.core.federation;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Which comments came from the fediverse, as which remote object, written by which account (and
 * where that account takes deliveries, and its handle, for an answer from the blog).
 */
public final class FederatedCommentRepository {
  /** A comment that is a remote note; {@code actorInbox} and {@code actorHandle} may be null. */
  public record Link(
      long commentId, String objectId, String actorId, String actorInbox, String actorHandle) {}

  private static final String SELECT =
      "SELECT comment_id, object_id, actor_id, actor_inbox, actor_handle FROM federation_comments";

  private final Jdbi jdbi;

  public FederatedCommentRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Records the link without the account's inbox and handle. */
  public void link(long commentId, String objectId, String actorId) {
    link(commentId, objectId, actorId, null, null);
  }

  /** Records the link; nothing when the comment has it already (a repeated delivery). */
  public void link(
      long commentId, String objectId, String actorId, String actorInbox, String actorHandle) {
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
                    INSERT INTO federation_comments (comment_id, object_id, actor_id,
                      actor_inbox, actor_handle)
                    VALUES (:id, :object, :actor, :inbox, :handle)
                    """)
                .bind("id", commentId)
                .bind("object", objectId)
                .bind("actor", actorId)
                .bind("inbox", actorInbox)
                .bind("handle", actorHandle)
                .execute();
          }
        });
  }

  public Optional<Link> byObject(String objectId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE object_id = :object")
                .bind("object", objectId)
                .map(FederatedCommentRepository::link)
                .findOne());
  }

  public Optional<Link> byComment(long commentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE comment_id = :id")
                .bind("id", commentId)
                .map(FederatedCommentRepository::link)
                .findOne());
  }

  private static Link link(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws java.sql.SQLException {
    return new Link(
        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
  }
}
