package blog.core.moderation;

import blog.core.comment.CommentStatus;
import blog.core.db.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * The moderation queue's reads (keyset pages, counts) and its status changes. Pages never use
 * OFFSET: each continues strictly after the (created_at, id) of the row that ended the last one,
 * which the indexes on (status, created_at, id) and (post_id, status, created_at, id) serve as a
 * range scan.
 */
public final class ModerationRepository {
  /** A comment an action is about: enough to check who may act on it. */
  public record Target(long id, long postId, long postAuthorId, CommentStatus status) {}

  private static final String ROW_SELECT =
      """
      SELECT c.id, c.post_id, p.title AS post_title, p.author_id AS post_author_id, c.parent_id,
             c.author_name, c.author_email, c.author_url, c.client_ip, c.user_agent,
             i.provider AS identity_provider, i.display_name AS identity_name, c.user_id,
             c.created_at, c.edited_at, c.status, c.held_reason, c.body_source, c.body_html
      FROM comments c
      JOIN posts p ON p.id = c.post_id
      LEFT JOIN commenter_identities i ON i.id = c.identity_id
      """;

  private static final RowMapper<QueueRow> ROW =
      (rs, ctx) ->
          new QueueRow(
              rs.getLong("id"),
              rs.getLong("post_id"),
              rs.getString("post_title"),
              rs.getLong("post_author_id"),
              rs.getObject("parent_id", Long.class),
              rs.getString("author_name"),
              rs.getString("author_email"),
              rs.getString("author_url"),
              rs.getString("client_ip"),
              rs.getString("user_agent"),
              rs.getString("identity_provider"),
              rs.getString("identity_name"),
              rs.getObject("user_id", Long.class),
              Times.instant(rs, "created_at"),
              Times.instant(rs, "edited_at"),
              CommentStatus.fromDb(rs.getString("status")),
              rs.getString("held_reason"),
              rs.getString("body_source"),
              rs.getString("body_html"));

  /** Where comments go that nobody should see: out of the way, but not yet deleted. */
  private static final String ASIDE_STATUS = "status IN ('spam', 'trash')";

  private final Jdbi jdbi;

  public ModerationRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Which comments of the queue to read; {@code postId} and {@code authorId} may be null. */
  public record Scope(List<CommentStatus> statuses, Long postId, Long authorId) {
    public Scope {
      statuses = List.copyOf(statuses);
    }
  }

  /**
   * Up to {@code limit} rows of the scope strictly beyond {@code cursor} (from the newest when
   * null): going {@code older} they come newest first, otherwise oldest first. A tab of several
   * statuses ("All") reads each status's own index range and merges, so no page sorts the tab.
   */
  public List<QueueRow> rows(Scope scope, QueueCursor cursor, boolean older, int limit) {
    String order =
        older ? " ORDER BY c.created_at DESC, c.id DESC" : " ORDER BY c.created_at, c.id";
    Comparator<QueueRow> byPosition =
        Comparator.comparing(QueueRow::createdAt).thenComparingLong(QueueRow::id);
    List<QueueRow> merged = new ArrayList<>();
    for (CommentStatus status : scope.statuses()) {
      merged.addAll(
          jdbi.withHandle(
              h ->
                  bind(
                          h.createQuery(
                              ROW_SELECT + where(scope, cursor, older) + order + " LIMIT :limit"),
                          status,
                          scope,
                          cursor)
                      .bind("limit", limit)
                      .map(ROW)
                      .list()));
    }
    merged.sort(older ? byPosition.reversed() : byPosition);
    return List.copyOf(merged.subList(0, Math.min(limit, merged.size())));
  }

  /** Whether the scope holds anything beyond {@code cursor} in that direction. */
  public boolean anyBeyond(Scope scope, QueueCursor cursor, boolean older) {
    for (CommentStatus status : scope.statuses()) {
      boolean found =
          jdbi.withHandle(
              h ->
                  bind(
                          h.createQuery(
                              "SELECT c.id FROM comments c JOIN posts p ON p.id = c.post_id"
                                  + where(scope, cursor, older)
                                  + " LIMIT 1"),
                          status,
                          scope,
                          cursor)
                      .mapTo(Long.class)
                      .findOne()
                      .isPresent());
      if (found) {
        return true;
      }
    }
    return false;
  }

  /**
   * The WHERE clause of one status, from fixed fragments only; every value is bound. The cursor
   * condition repeats its time as a plain bound so the index range starts at the cursor.
   */
  private static String where(Scope scope, QueueCursor cursor, boolean older) {
    StringBuilder sql = new StringBuilder(" WHERE c.status = :status");
    if (scope.postId() != null) {
      sql.append(" AND c.post_id = :postId");
    }
    if (scope.authorId() != null) {
      sql.append(" AND p.author_id = :authorId");
    }
    if (cursor != null) {
      sql.append(
          older
              ? " AND c.created_at <= :at AND (c.created_at < :at OR c.id < :id)"
              : " AND c.created_at >= :at AND (c.created_at > :at OR c.id > :id)");
    }
    return sql.toString();
  }

  private static Query bind(Query query, CommentStatus status, Scope scope, QueueCursor cursor) {
    query.bind("status", status.dbValue());
    if (scope.postId() != null) {
      query.bind("postId", scope.postId());
    }
    if (scope.authorId() != null) {
      query.bind("authorId", scope.authorId());
    }
    if (cursor != null) {
      query.bind("at", cursor.createdAt()).bind("id", cursor.id());
    }
    return query;
  }

  /** One row of the queue by comment id, any status. */
  public Optional<QueueRow> find(long id) {
    return jdbi.withHandle(
        h -> h.createQuery(ROW_SELECT + " WHERE c.id = :id").bind("id", id).map(ROW).findOne());
  }

  /** Comments per status in one pass; {@code postId} and {@code authorId} may be null. */
  public Map<CommentStatus, Integer> counts(Long postId, Long authorId) {
    String sql =
        "SELECT c.status, COUNT(*) AS n FROM comments c"
            + (authorId == null ? "" : " JOIN posts p ON p.id = c.post_id")
            + " WHERE 1 = 1"
            + (postId == null ? "" : " AND c.post_id = :postId")
            + (authorId == null ? "" : " AND p.author_id = :authorId")
            + " GROUP BY c.status";
    return jdbi.withHandle(
        h -> {
          Query query = h.createQuery(sql);
          if (postId != null) {
            query.bind("postId", postId);
          }
          if (authorId != null) {
            query.bind("authorId", authorId);
          }
          Map<CommentStatus, Integer> counts = new EnumMap<>(CommentStatus.class);
          query
              .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getInt("n")))
              .forEach(e -> counts.put(CommentStatus.fromDb(e.getKey()), e.getValue()));
          return counts;
        });
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
