package blog.core.federation;

import blog.core.post.PostRepository;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Which posts were announced to the fediverse, at which version, and which were deleted. */
public final class FederatedPostRepository {
  /** A post announced before whose state differs now. */
  public record Changed(long postId, boolean gone, int version) {}

  private final Jdbi jdbi;

  public FederatedPostRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Visible posts published at or after {@code since} never announced, oldest first. */
  public List<Long> unannounced(Instant since, Instant now, int limit) {
    return PostRepository.visibleNotRecordedIn(jdbi, "federation_posts", since, now, limit);
  }

  /** Announced posts since edited (another version), or no longer visible (gone). */
  public List<Changed> changed(Instant now, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT f.post_id, p.version, CASE WHEN p.id IS NOT NULL AND "
                        + PostRepository.VISIBLE
                        + " THEN 0 ELSE 1 END AS gone FROM federation_posts f"
                        + " LEFT JOIN posts p ON p.id = f.post_id"
                        + " WHERE f.deleted = FALSE AND (p.id IS NULL OR p.version <> f.sent_version"
                        + " OR NOT ("
                        + PostRepository.VISIBLE
                        + "))"
                        + " ORDER BY f.post_id LIMIT :limit")
                .bind("now", now)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new Changed(
                            rs.getLong("post_id"), rs.getInt("gone") == 1, rs.getInt("version")))
                .list());
  }

  /**
   * Records the post as announced, and raises its content-version row: its page offers "Share this
   * comment with the fediverse" from now on.
   */
  public void announced(long postId, int version, Instant now) {
    jdbi.useHandle(
        h -> {
          h.createUpdate(
                  """
                  INSERT INTO federation_posts (post_id, sent_version, deleted, updated_at)
                  VALUES (:id, :version, FALSE, :now)
                  """)
              .bind("id", postId)
              .bind("version", version)
              .bind("now", now)
              .execute();
          h.createUpdate(
                  "UPDATE content_version SET version = version + 1, changed_at = :now"
                      + " WHERE id = :row")
              .bind("row", blog.core.change.ContentVersions.postSlot(postId))
              .bind("now", now)
              .execute();
        });
  }

  public void updated(long postId, int version, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE federation_posts SET sent_version = :version, updated_at = :now"
                        + " WHERE post_id = :id")
                .bind("id", postId)
                .bind("version", version)
                .bind("now", now)
                .execute());
  }

  public void deleted(long postId, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE federation_posts SET deleted = TRUE, updated_at = :now WHERE post_id = :id")
                .bind("id", postId)
                .bind("now", now)
                .execute());
  }

  /** How many posts went out and were not deleted since. */
  public long count() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM federation_posts WHERE deleted = FALSE")
                .mapTo(Long.class)
                .one());
  }

  /** Whether the post was announced and not deleted since. */
  public boolean isFederated(long postId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                        "SELECT COUNT(*) FROM federation_posts WHERE post_id = :id AND deleted = FALSE")
                    .bind("id", postId)
                    .mapTo(Long.class)
                    .one()
                > 0);
  }
}
