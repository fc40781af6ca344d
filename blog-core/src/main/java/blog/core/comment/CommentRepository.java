package blog.core.comment;

import blog.core.db.Times;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Comments. */
public final class CommentRepository {
  private static final RowMapper<Comment> MAPPER =
      (rs, ctx) ->
          new Comment(
              rs.getLong("id"),
              rs.getLong("post_id"),
              rs.getObject("parent_id", Long.class),
              rs.getString("author_name"),
              rs.getString("author_email"),
              rs.getString("author_url"),
              rs.getObject("identity_id", Long.class),
              rs.getObject("user_id", Long.class),
              rs.getString("body_source"),
              rs.getString("body_html"),
              CommentStatus.fromDb(rs.getString("status")),
              rs.getString("held_reason"),
              Times.instant(rs, "created_at"),
              rs.getString("client_ip"),
              rs.getString("user_agent"));

  private final Jdbi jdbi;

  public CommentRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public long insert(CommentDraft c) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO comments (post_id, parent_id, author_name, author_email,
                                          author_url, identity_id, user_id, body_source,
                                          body_html, status, held_reason, created_at,
                                          client_ip, user_agent)
                    VALUES (:postId, :parentId, :authorName, :authorEmail, :authorUrl,
                            :identityId, :userId, :bodySource, :bodyHtml, :status, :heldReason,
                            :createdAt, :clientIp, :userAgent)
                    """)
                .bindMethods(c)
                .bind("status", c.status().dbValue())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  public Optional<Comment> findById(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM comments WHERE id = :id")
                .bind("id", id)
                .map(MAPPER)
                .findOne());
  }

  /** A post's approved comments, oldest first, as WordPress shows them. */
  public List<Comment> listApproved(long postId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT * FROM comments WHERE post_id = :postId AND status = 'approved'
                    ORDER BY created_at, id
                    """)
                .bind("postId", postId)
                .map(MAPPER)
                .list());
  }

  /** Approved-comment counts by post id; posts without any are absent. */
  public Map<Long, Integer> approvedCounts(Collection<Long> postIds) {
    if (postIds.isEmpty()) {
      return Map.of();
    }
    return jdbi.withHandle(
        h ->
            h
                .createQuery(
                    """
                    SELECT post_id, COUNT(*) AS n FROM comments
                    WHERE post_id IN (<ids>) AND status = 'approved' GROUP BY post_id
                    """)
                .bindList("ids", List.copyOf(postIds))
                .map((rs, ctx) -> Map.entry(rs.getLong("post_id"), rs.getInt("n")))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }
}
