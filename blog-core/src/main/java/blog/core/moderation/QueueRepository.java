package blog.core.moderation;

import blog.core.comment.CommentStatus;
import blog.core.db.Times;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * The moderation queue's reads: keyset pages and counts. Pages never use OFFSET: each continues
 * strictly after the (created_at, id) of the row that ended the last one, which the indexes on
 * (status, created_at, id) and (post_id, status, created_at, id) serve as a range scan.
 */
public final class QueueRepository {
  private static final String ROW_SELECT =
      """
      SELECT c.id, c.post_id, p.title AS post_title, p.author_id AS post_author_id, c.parent_id,
             c.author_name, c.author_email, c.author_url, c.client_ip, c.user_agent,
             i.provider AS identity_provider, i.display_name AS identity_name, c.user_id,
             c.created_at, c.edited_at, c.status, c.held_reason, c.body_source, c.body_html,
             pc.author_name AS parent_author, pc.body_html AS parent_html
      FROM comments c
      JOIN posts p ON p.id = c.post_id
      LEFT JOIN commenter_identities i ON i.id = c.identity_id
      LEFT JOIN comments pc ON pc.id = c.parent_id
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
              rs.getString("body_html"),
              rs.getString("parent_author") == null
                  ? null
                  : InReplyTo.of(
                      rs.getLong("parent_id"),
                      rs.getString("parent_author"),
                      rs.getString("parent_html")));

  private final Jdbi jdbi;

  public QueueRepository(Jdbi jdbi) {
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
    String order = order(scope, older);
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

  /**
   * Newest or oldest first. The status (and post) are the same in every row of one query, but
   * leading the order with them lets H2 read the page straight from the status (or post) index,
   * forwards or backwards; ordered by time alone it read every comment of the status and sorted
   * them (0.7 s a page at 50,000 comments).
   */
  private static String order(Scope scope, boolean older) {
    if (scope.postId() != null) {
      return older
          ? " ORDER BY c.post_id DESC, c.status DESC, c.created_at DESC, c.id DESC"
          : " ORDER BY c.post_id, c.status, c.created_at, c.id";
    }
    return older
        ? " ORDER BY c.status, c.created_at DESC, c.id DESC"
        : " ORDER BY c.status DESC, c.created_at, c.id";
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

  /**
   * Comments per status; {@code postId} and {@code authorId} may be null. The whole blog's counts
   * are kept by the database (triggers, table {@code comment_status_counts}), so reading them costs
   * the same at any size; a post's or an author's are counted, through the post index.
   */
  public Map<CommentStatus, Integer> counts(Long postId, Long authorId) {
    String sql =
        postId == null && authorId == null
            ? "SELECT status, SUM(n) AS n FROM comment_status_counts GROUP BY status"
            : scopedCounts(postId, authorId);
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

  private static String scopedCounts(Long postId, Long authorId) {
    return "SELECT c.status, COUNT(*) AS n FROM comments c"
        + (authorId == null ? "" : " JOIN posts p ON p.id = c.post_id")
        + " WHERE 1 = 1"
        + (postId == null ? "" : " AND c.post_id = :postId")
        + (authorId == null ? "" : " AND p.author_id = :authorId")
        + " GROUP BY c.status";
  }
}
