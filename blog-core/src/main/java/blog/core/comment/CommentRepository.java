package blog.core.comment;

import blog.core.db.EveryNth;
import blog.core.db.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

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
              rs.getString("user_agent"),
              Times.instant(rs, "edited_at"));

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
                                          client_ip, user_agent, submission_key, approved_at)
                    VALUES (:postId, :parentId, :authorName, :authorEmail, :authorUrl,
                            :identityId, :userId, :bodySource, :bodyHtml, :status, :heldReason,
                            :createdAt, :clientIp, :userAgent, :submissionKey, :approvedAt)
                    """)
                // Each value by name: binding the record by reflection cost more than the insert's
                // own statement work.
                .bind("postId", c.postId())
                .bind("parentId", c.parentId())
                .bind("authorName", c.authorName())
                .bind("authorEmail", c.authorEmail())
                .bind("authorUrl", c.authorUrl())
                .bind("identityId", c.identityId())
                .bind("userId", c.userId())
                .bind("bodySource", c.bodySource())
                .bind("bodyHtml", c.bodyHtml())
                .bind("heldReason", c.heldReason())
                .bindByType("createdAt", c.createdAt(), Instant.class)
                .bind("clientIp", c.clientIp())
                .bind("userAgent", c.userAgent())
                .bind("submissionKey", c.submissionKey())
                .bind("status", c.status().dbValue())
                // Public from the start: announced by the storing transaction itself.
                .bind("approvedAt", c.status() == CommentStatus.APPROVED ? c.createdAt() : null)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  public Optional<Comment> findBySubmissionKey(String key) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM comments WHERE submission_key = :key")
                .bind("key", key)
                .map(MAPPER)
                .findOne());
  }

  /** When the client at {@code ip} last commented, for the flood limit. */
  public Optional<Instant> lastCommentFrom(String ip) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT MAX(created_at) AS last_at FROM comments WHERE client_ip = :ip")
                .bind("ip", ip)
                .map((rs, ctx) -> Times.instant(rs, "last_at"))
                .findOne()
                .flatMap(Optional::ofNullable));
  }

  /** Whether this author already said exactly this on this post (trash aside). */
  public boolean hasSameComment(long postId, String email, String name, String bodySource) {
    // Two plain reads, each through the (post, email) index: with an OR in one WHERE the database
    // reads every comment of the post, and H2 plans a UNION afresh on every run.
    return jdbi.withHandle(
        h ->
            (email != null && sameComment(h, "author_email = :who", postId, email, bodySource))
                || sameComment(
                    h, "author_email IS NULL AND author_name = :who", postId, name, bodySource));
  }

  /** {@code who} is one of the two fixed conditions above, never user input. */
  private static boolean sameComment(
      Handle h, String who, long postId, String value, String bodySource) {
    return h.createQuery(
            "SELECT 1 FROM comments WHERE post_id = :postId AND "
                + who
                + " AND status <> 'trash' AND body_source = :body")
        .bind("postId", postId)
        .bind("who", value)
        .bind("body", bodySource)
        .mapTo(Integer.class)
        .findFirst()
        .isPresent();
  }

  /** Whether anyone with this (normalised) email has an approved comment: a known commenter. */
  public boolean hasApprovedCommentByEmail(String email) {
    return hasApproved("author_email = :value", email);
  }

  /**
   * Whether the commenter who logged in with this identity has an approved comment: written with
   * any identity linked to the same commenter, or, for the addresses they proved by "Log in with
   * email", as a guest with that address. A known commenter.
   */
  public boolean hasApprovedCommentByIdentity(long identityId) {
    return hasApproved(
        """
        (identity_id IN (SELECT i.id FROM commenter_identities i WHERE %1$s)
         OR author_email IN (SELECT i.subject FROM commenter_identities i
                             WHERE i.provider = 'email' AND %1$s))
        """
            .formatted(
                """
                COALESCE(i.commenter_id, i.id) = (SELECT COALESCE(o.commenter_id, o.id)
                                                  FROM commenter_identities o WHERE o.id = :value)
                """),
        identityId);
  }

  /** {@code condition} is one of the fixed conditions above, never user input. */
  private boolean hasApproved(String condition, Object value) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT 1 FROM comments WHERE "
                        + condition
                        + " AND status = 'approved' FETCH FIRST 1 ROWS ONLY")
                .bind("value", value)
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
  }

  /** Those of {@code ids} that are on the post and still held, for showing to their author. */
  public List<Comment> listPendingAmong(long postId, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT * FROM comments
                    WHERE post_id = :postId AND status = 'pending' AND id IN (<ids>)
                    ORDER BY created_at, id
                    """)
                .bind("postId", postId)
                .bindList("ids", List.copyOf(ids))
                .map(MAPPER)
                .list());
  }

  /** Replaces the text of a comment its author edited, with the status the rules now give. */
  public void updateText(
      long id,
      String bodySource,
      String bodyHtml,
      CommentStatus status,
      String heldReason,
      Instant editedAt) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    UPDATE comments SET body_source = :source, body_html = :html,
                      status = :status, held_reason = :reason, edited_at = :editedAt
                    WHERE id = :id
                    """)
                .bind("id", id)
                .bind("source", bodySource)
                .bind("html", bodyHtml)
                .bind("status", status.dbValue())
                .bind("reason", heldReason)
                .bind("editedAt", editedAt)
                .execute());
  }

  public void setStatus(long id, CommentStatus status) {
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE comments SET status = :status WHERE id = :id")
                .bind("id", id)
                .bind("status", status.dbValue())
                .execute());
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
                    ORDER BY post_id, status, created_at, id
                    """)
                .bind("postId", postId)
                .map(MAPPER)
                .list());
  }

  /** The outline of a post's approved comments, oldest first as {@link #listApproved} has them. */
  public List<CommentOutline> approvedOutline(long postId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id, parent_id, created_at FROM comments
                    WHERE post_id = :postId AND status = 'approved'
                    ORDER BY post_id, status, created_at, id
                    """)
                .bind("postId", postId)
                .map(
                    (rs, ctx) ->
                        new CommentOutline(
                            rs.getLong(1),
                            rs.getObject(2, Long.class),
                            Times.instant(rs, "created_at")))
                .list());
  }

  /**
   * Where a thread starts among a post's approved comments: a comment with no parent, or whose
   * parent is not an approved comment of the post (held, trashed, deleted), as {@link
   * CommentThreads#build} makes it one.
   */
  private static final String STARTS_A_THREAD =
      """
      c.post_id = :postId AND c.status = 'approved'
      AND (c.parent_id IS NULL OR NOT EXISTS (
        SELECT 1 FROM comments p
        WHERE p.id = c.parent_id AND p.post_id = c.post_id AND p.status = 'approved'))
      """;

  /**
   * The approved comments of a post that start threads, {@code skip} of them left out and at most
   * {@code limit} read, oldest first or newest first. Read along the (post, status, time) index:
   * page 1 costs the same on a post with 500 comments or 500,000.
   */
  public List<Comment> threadStarts(long postId, boolean newestFirst, int skip, int limit) {
    return jdbi.withHandle(
        h -> {
          Query query =
              h.createQuery(
                  "SELECT c.* FROM comments c WHERE "
                      + STARTS_A_THREAD
                      + threadOrder(newestFirst)
                      + (skip > 0 ? " OFFSET :skip ROWS" : "")
                      + " FETCH NEXT :limit ROWS ONLY");
          if (skip > 0) {
            query.bind("skip", skip);
          }
          return query.bind("postId", postId).bind("limit", limit).map(MAPPER).list();
        });
  }

  /**
   * The approved comments of a post that start threads from {@code from} on (it included), at most
   * {@code limit}, in the order given: a keyset read of the (post, status, time) index, costing the
   * same wherever it starts.
   */
  public List<Comment> threadStartsFrom(
      long postId, boolean newestFirst, ThreadKey from, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT c.* FROM comments c WHERE "
                        + STARTS_A_THREAD
                        + fromThread(newestFirst)
                        + threadOrder(newestFirst)
                        + " FETCH NEXT :limit ROWS ONLY")
                .bind("postId", postId)
                .bindMethods(from)
                .bind("limit", limit)
                .map(MAPPER)
                .list());
  }

  /**
   * The key of every {@code every}-th thread start of a post (the first of each page) in the order
   * given, from {@code from} on (it included; null: from the first) and among at most {@code
   * limit}: one pass along the (post, status, time) index.
   */
  public List<ThreadKey> threadStartKeys(
      long postId, boolean newestFirst, int every, ThreadKey from, int limit) {
    return jdbi.withHandle(
        h -> {
          Query query =
              h.createQuery(
                  "SELECT c.created_at, c.id FROM comments c WHERE "
                      + STARTS_A_THREAD
                      + (from == null ? "" : fromThread(newestFirst))
                      + threadOrder(newestFirst)
                      + " FETCH NEXT :limit ROWS ONLY");
          if (from != null) {
            query.bindMethods(from);
          }
          return EveryNth.of(
              query
                  .bind("postId", postId)
                  .bind("limit", limit)
                  .setFetchSize(1000)
                  .map(
                      (rs, ctx) ->
                          new ThreadKey(Times.instant(rs, "created_at"), rs.getLong("id"))),
              every);
        });
  }

  /**
   * Ordered by every column of the (post, status, time, id) index, not only the last two, which is
   * the same order here: only so does H2 read the index in order and stop at the limit. By time
   * alone it read and sorted every approved comment of the post (1.2 s at 150,000 of them).
   */
  private static String threadOrder(boolean newestFirst) {
    return newestFirst
        ? " ORDER BY c.post_id DESC, c.status DESC, c.created_at DESC, c.id DESC"
        : " ORDER BY c.post_id, c.status, c.created_at, c.id";
  }

  /**
   * From a {@link ThreadKey} on (it included), in {@link #threadOrder}; binds {@code :createdAt}
   * and {@code :id}. The first bound is a range on the index, where the reading starts; the second
   * only sorts out comments of that very instant.
   */
  private static String fromThread(boolean newestFirst) {
    return newestFirst
        ? " AND c.created_at <= :createdAt AND (c.created_at < :createdAt OR c.id <= :id)"
        : " AND c.created_at >= :createdAt AND (c.created_at > :createdAt OR c.id >= :id)";
  }

  /** The approved replies on the post to any of {@code parentIds}, oldest first. */
  public List<Comment> approvedRepliesTo(long postId, Collection<Long> parentIds) {
    List<Comment> found =
        inChunks(
            parentIds,
            some ->
                jdbi.withHandle(
                    h ->
                        h.createQuery(
                                """
                                SELECT * FROM comments WHERE parent_id IN (<ids>)
                                  AND post_id = :postId AND status = 'approved'
                                """)
                            .bindList("ids", some)
                            .bind("postId", postId)
                            .map(MAPPER)
                            .list()));
    found.sort(Comparator.comparing(Comment::createdAt).thenComparingLong(Comment::id));
    return found;
  }

  /** The comments with these ids (in no particular order); ids of no comment are left out. */
  public List<Comment> findAll(Collection<Long> ids) {
    return inChunks(
        ids,
        some ->
            jdbi.withHandle(
                h ->
                    h.createQuery("SELECT * FROM comments WHERE id IN (<ids>)")
                        .bindList("ids", some)
                        .map(MAPPER)
                        .list()));
  }

  /**
   * What {@code read} finds for each bounded run of {@code ids}, in turn: PostgreSQL's driver takes
   * at most 65,535 parameters a statement.
   */
  private static List<Comment> inChunks(
      Collection<Long> ids, Function<List<Long>, List<Comment>> read) {
    List<Long> all = List.copyOf(ids);
    List<Comment> found = new ArrayList<>(all.size());
    for (int from = 0; from < all.size(); from += IDS_A_STATEMENT) {
      found.addAll(read.apply(all.subList(from, Math.min(all.size(), from + IDS_A_STATEMENT))));
    }
    return found;
  }

  /** How many ids one statement of {@link #findAll} names. */
  static final int IDS_A_STATEMENT = 1_000;

  /**
   * Forgets where comments written before {@code cutoff} came from: their client IP and user agent
   * become NULL. Idempotent, so instances sharing the database may all run it; returns how many
   * comments it changed.
   */
  public int clearClientDataBefore(Instant cutoff) {
    // In windows of ids, each its own short statement: on a blog with a million old comments (an
    // import) one UPDATE of them all held its locks for minutes, timed out, and was tried again
    // every hour, slowing every page meanwhile.
    record Ids(Long first, Long last) {}
    Ids ids =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT MIN(id) AS first, MAX(id) AS last FROM comments")
                    .map(
                        (rs, ctx) ->
                            new Ids(
                                rs.getObject("first", Long.class),
                                rs.getObject("last", Long.class)))
                    .one());
    if (ids.first() == null) {
      return 0;
    }
    int cleared = 0;
    for (long from = ids.first(); from <= ids.last(); from += CLEARING_WINDOW) {
      long start = from;
      cleared +=
          jdbi.withHandle(
              h ->
                  h.createUpdate(
                          """
                          UPDATE comments SET client_ip = NULL, user_agent = NULL
                          WHERE id >= :start AND id < :end AND created_at < :cutoff
                            AND (client_ip IS NOT NULL OR user_agent IS NOT NULL)
                          """)
                      .bind("start", start)
                      .bind("end", start + CLEARING_WINDOW)
                      .bind("cutoff", cutoff)
                      .execute());
    }
    return cleared;
  }

  /** How many ids one statement of {@link #clearClientDataBefore} covers. */
  static final int CLEARING_WINDOW = 5_000;

  /**
   * Approved-comment counts by post id, as triggers keep them in {@code post_comment_counts} (no
   * comment is counted here); a post without any is absent or 0.
   */
  public Map<Long, Integer> approvedCounts(Collection<Long> postIds) {
    if (postIds.isEmpty()) {
      return Map.of();
    }
    return jdbi.withHandle(
        h ->
            h
                .createQuery(
                    """
                    SELECT post_id, SUM(approved) AS n FROM post_comment_counts
                    WHERE post_id IN (<ids>) GROUP BY post_id
                    """)
                .bindList("ids", List.copyOf(postIds))
                .map((rs, ctx) -> Map.entry(rs.getLong("post_id"), rs.getInt("n")))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }
}
