package blog.core.editor;

import blog.core.db.EveryNth;
import blog.core.db.Times;
import blog.core.post.PostStatus;
import blog.core.post.PostType;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The admin's post list: any status, filtered by view, title search and author, newest first. The
 * SQL is assembled only from fixed fragments; what the user typed is always a bound parameter.
 */
public final class PostListRepository {
  /** A post as listed, without its body. */
  public record Row(
      long id,
      String title,
      String slug,
      PostStatus status,
      long authorId,
      String authorName,
      Instant publishedAt,
      Instant updatedAt,
      int version,
      PostType type) {}

  private static final RowMapper<Row> MAPPER =
      (rs, ctx) ->
          new Row(
              rs.getLong("id"),
              rs.getString("title"),
              rs.getString("slug"),
              PostStatus.fromDb(rs.getString("status")),
              rs.getLong("author_id"),
              rs.getString("author_name"),
              Times.instant(rs, "published_at"),
              Times.instant(rs, "updated_at"),
              rs.getInt("version"),
              PostType.fromDb(rs.getString("post_type")));

  private final Jdbi jdbi;

  public PostListRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Where a post stands in the list (its listing date, then id, newest first): a keyset position.
   */
  public record Key(Instant listedAt, long id) {}

  /** What one list pages through: a view, a title search (empty: none), one author's or all. */
  public record View(PostFilter filter, String search, Long authorId) {}

  /**
   * The posts of {@code view} from {@code from} on (it included; null: from the newest), at most
   * {@code limit}: a keyset read of the view's index, costing the same for page 2 or page 5,000.
   */
  public List<Row> list(View view, Instant now, int limit, Key from) {
    return jdbi.withHandle(
        h ->
            fromKey(
                    h,
                    """
                    SELECT p.id, p.title, p.slug, p.status, p.author_id, p.published_at,
                           p.updated_at, p.version, p.post_type, u.display_name AS author_name
                    FROM posts p LEFT JOIN users u ON u.id = p.author_id
                    """,
                    view,
                    now,
                    limit,
                    from)
                .map(MAPPER)
                .list());
  }

  /**
   * The key of every {@code every}-th post of {@code view} (the first of each page), from {@code
   * from} on (it included; null: from the newest) among at most {@code limit}: one pass along the
   * view's index, reading dates and ids only.
   */
  public List<Key> keysEvery(View view, Instant now, int every, Key from, int limit) {
    return jdbi.withHandle(
        h ->
            EveryNth.of(
                fromKey(h, "SELECT p.listed_at, p.id FROM posts p", view, now, limit, from)
                    .setFetchSize(1000)
                    .map((rs, ctx) -> new Key(Times.instant(rs, "listed_at"), rs.getLong("id"))),
                every));
  }

  /**
   * {@code select} over the posts of {@code view} from {@code from} on (it included; null: from the
   * newest), in the view's order, at most {@code limit}: a keyset read of the view's index.
   */
  private Query fromKey(Handle h, String select, View view, Instant now, int limit, Key from) {
    String sql =
        select
            + where(view.filter().condition, view.search(), view.authorId())
            + (from == null ? "" : FROM_KEY)
            + view.filter().order
            + " LIMIT :limit";
    Query query = bind(h.createQuery(sql), sql, view.search(), view.authorId(), now);
    if (from != null) {
      bindKey(query, from);
    }
    return query.bind("limit", limit);
  }

  /**
   * From a {@link Key} on, newest first (it included). The first bound is a range on the index,
   * where the reading starts; the second only sorts out posts of that very instant.
   */
  private static final String FROM_KEY =
      " AND p.listed_at <= :fromAt AND (p.listed_at < :fromAt OR p.id <= :fromId)";

  private static void bindKey(Query query, Key from) {
    query.bindByType("fromAt", from.listedAt(), Instant.class).bind("fromId", from.id());
  }

  public int count(PostFilter filter, String search, Long authorId, Instant now) {
    String sql = "SELECT COUNT(*) FROM posts p" + where(filter.condition, search, authorId);
    return jdbi.withHandle(
        h -> bind(h.createQuery(sql), sql, search, authorId, now).mapTo(Integer.class).one());
  }

  /** The number of posts in each view, for everyone's posts or one author's. */
  public StatusCounts counts(Long authorId, Instant now) {
    StringBuilder sql = new StringBuilder("SELECT ");
    PostFilter[] filters = PostFilter.values();
    for (int i = 0; i < filters.length; i++) {
      sql.append(i == 0 ? "" : ", ")
          .append("COALESCE(SUM(CASE WHEN ")
          .append(filters[i].condition)
          .append(" THEN 1 ELSE 0 END), 0) AS n")
          .append(i);
    }
    sql.append(" FROM posts p").append(where("1 = 1", "", authorId));
    String query = sql.toString();
    return jdbi.withHandle(
        h ->
            bind(h.createQuery(query), query, "", authorId, now)
                .map(
                    (rs, ctx) ->
                        new StatusCounts(
                            rs.getInt("n" + PostFilter.ALL.ordinal()),
                            rs.getInt("n" + PostFilter.PUBLISHED.ordinal()),
                            rs.getInt("n" + PostFilter.DRAFTS.ordinal()),
                            rs.getInt("n" + PostFilter.SCHEDULED.ordinal()),
                            rs.getInt("n" + PostFilter.TRASH.ordinal())))
                .one());
  }

  private static String where(String condition, String search, Long authorId) {
    StringBuilder where = new StringBuilder(" WHERE (").append(condition).append(")");
    if (!search.isEmpty()) {
      where.append(" AND LOWER(p.title) LIKE LOWER(:pattern) ESCAPE '\\'");
    }
    if (authorId != null) {
      where.append(" AND p.author_id = :authorId");
    }
    return where.toString();
  }

  private static <S extends SqlStatement<S>> S bind(
      S statement, String sql, String search, Long authorId, Instant now) {
    if (!search.isEmpty()) {
      statement.bind("pattern", "%" + escapeLike(search) + "%");
    }
    if (authorId != null) {
      statement.bind("authorId", authorId.longValue());
    }
    if (sql.contains(":now")) {
      statement.bind("now", now);
    }
    return statement;
  }

  /** The text, matched literally by LIKE ... ESCAPE '\'. */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
