package blog.core.editor;

import blog.core.db.Times;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Posts' revisions, newest first. */
public final class RevisionRepository {
  private static final String SELECT =
      """
      SELECT r.*, u.display_name AS user_name
      FROM post_revisions r LEFT JOIN users u ON u.id = r.user_id
      """;

  private static final RowMapper<Revision> MAPPER =
      (rs, ctx) ->
          new Revision(
              rs.getLong("id"),
              rs.getLong("post_id"),
              rs.getInt("post_version"),
              new PostText(
                  rs.getString("title"), rs.getString("body_markdown"), rs.getString("excerpt")),
              rs.getObject("user_id", Long.class),
              rs.getString("user_name"),
              RevisionKind.fromDb(rs.getString("kind")),
              Times.instant(rs, "created_at"));

  private final Jdbi jdbi;

  public RevisionRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public long insert(
      long postId, int postVersion, PostText text, long userId, RevisionKind kind, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO post_revisions (post_id, post_version, title, body_markdown,
                                                excerpt, user_id, kind, created_at)
                    VALUES (:postId, :version, :title, :markdown, :excerpt, :userId, :kind, :now)
                    """)
                .bind("postId", postId)
                .bind("version", postVersion)
                .bind("title", text.title())
                .bind("markdown", text.bodyMarkdown())
                .bind("excerpt", text.excerpt())
                .bind("userId", userId)
                .bind("kind", kind.dbValue())
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /** The post's revisions, newest first. */
  public List<Revision> list(long postId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE r.post_id = :postId ORDER BY r.id DESC")
                .bind("postId", postId)
                .map(MAPPER)
                .list());
  }

  /** The revision, if it is one of this post's. */
  public Optional<Revision> find(long postId, long revisionId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE r.id = :id AND r.post_id = :postId")
                .bind("id", revisionId)
                .bind("postId", postId)
                .map(MAPPER)
                .findOne());
  }
}
