package blog.core.webmention;

import blog.core.post.PostRepository;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * What the blog told other sites about its posts: per post the address it sent as source, the
 * version sent and whether the post is gone ({@code webmention_posts}), and the links it had then
 * ({@code webmention_links}), so that an edit also tells the links it removed, once.
 */
public final class SentLinkRepository {
  /** A post whose mentions were sent before and whose state differs now. */
  public record Changed(long postId, boolean gone, String source) {}

  private final Jdbi jdbi;

  public SentLinkRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Visible posts published at or after {@code since} whose links were never told, oldest first.
   */
  public List<Long> unsent(Instant since, Instant now, int limit) {
    return PostRepository.visibleNotRecordedIn(jdbi, "webmention_posts", since, now, limit);
  }

  /** Posts told before, since edited (another version) or no longer visible (gone). */
  public List<Changed> changed(Instant now, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT w.post_id, w.source, CASE WHEN p.id IS NOT NULL AND "
                        + PostRepository.VISIBLE
                        + " THEN 0 ELSE 1 END AS gone FROM webmention_posts w"
                        + " LEFT JOIN posts p ON p.id = w.post_id"
                        + " WHERE w.deleted = FALSE AND (p.id IS NULL OR p.version <> w.sent_version"
                        + " OR NOT ("
                        + PostRepository.VISIBLE
                        + ")) ORDER BY w.post_id LIMIT :limit")
                .bind("now", now)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new Changed(
                            rs.getLong("post_id"), rs.getInt("gone") == 1, rs.getString("source")))
                .list());
  }

  /** The links the post had when last told. */
  public List<String> links(long postId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT target FROM webmention_links WHERE post_id = :id ORDER BY target")
                .bind("id", postId)
                .mapTo(String.class)
                .list());
  }

  /** Records what was told: the post's source, version (or that it is gone) and its links now. */
  public void record(
      long postId, String source, int version, boolean deleted, List<String> links, Instant now) {
    jdbi.useTransaction(
        h -> {
          int updated =
              h.createUpdate(
                      "UPDATE webmention_posts SET source = :source, sent_version = :version,"
                          + " deleted = :deleted, updated_at = :now WHERE post_id = :id")
                  .bind("source", source)
                  .bind("version", version)
                  .bind("deleted", deleted)
                  .bind("now", now)
                  .bind("id", postId)
                  .execute();
          if (updated == 0) {
            h.createUpdate(
                    """
                    INSERT INTO webmention_posts (post_id, source, sent_version, deleted, updated_at)
                    VALUES (:id, :source, :version, :deleted, :now)
                    """)
                .bind("source", source)
                .bind("version", version)
                .bind("deleted", deleted)
                .bind("now", now)
                .bind("id", postId)
                .execute();
          }
          h.createUpdate("DELETE FROM webmention_links WHERE post_id = :id")
              .bind("id", postId)
              .execute();
          for (String link : links) {
            h.createUpdate(
                    "INSERT INTO webmention_links (post_id, target_hash, target)"
                        + " VALUES (:id, :hash, :target)")
                .bind("id", postId)
                .bind("hash", Digests.sha256(link))
                .bind("target", link)
                .execute();
          }
        });
  }
}
