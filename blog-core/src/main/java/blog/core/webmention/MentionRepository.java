package blog.core.webmention;

import blog.core.change.ContentVersions;
import blog.core.db.Times;
import blog.core.db.UniqueViolations;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Received mentions ({@code webmentions}), one row per source and target. A change that moves a
 * post's likes or reposts raises that post's content-version row in the same transaction, so its
 * kept page is rendered again (as a comment's trigger would).
 */
public final class MentionRepository {
  private static final RowMapper<Mention> MAPPER =
      (rs, ctx) ->
          new Mention(
              rs.getLong("id"),
              rs.getString("source"),
              rs.getString("target"),
              rs.getLong("post_id"),
              rs.getString("source_host"),
              rs.getString("status"),
              MentionKind.fromDb(rs.getString("kind")),
              rs.getObject("comment_id", Long.class),
              rs.getString("author_name"),
              rs.getString("author_url"),
              rs.getString("published"),
              rs.getString("reason"),
              Times.instant(rs, "received_at"),
              Times.instant(rs, "checked_at"));

  /** How many likes and reposts of a post were accepted. */
  public record Counts(long likes, long reposts) {
    public static final Counts NONE = new Counts(0, 0);
  }

  private final Jdbi jdbi;

  public MentionRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Records that {@code source} mentioned {@code target} (post {@code postId}); a mention sent
   * again keeps its row and what it was found to be until it is verified again. Returns its id.
   */
  public long received(String source, String target, long postId, String host, Instant now) {
    String pair = Digests.pair(source, target);
    Optional<Mention> known = find(source, target);
    if (known.isPresent()) {
      jdbi.useHandle(
          h ->
              h.createUpdate("UPDATE webmentions SET received_at = :now WHERE id = :id")
                  .bind("now", now)
                  .bind("id", known.get().id())
                  .execute());
      return known.get().id();
    }
    try {
      return jdbi.withHandle(
          h ->
              h.createUpdate(
                      """
                      INSERT INTO webmentions (pair_hash, source, target, post_id, source_host,
                        status, received_at)
                      VALUES (:pair, :source, :target, :post, :host, 'pending', :now)
                      """)
                  .bind("pair", pair)
                  .bind("source", source)
                  .bind("target", target)
                  .bind("post", postId)
                  .bind("host", host)
                  .bind("now", now)
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one());
    } catch (RuntimeException e) {
      if (!UniqueViolations.isUniqueViolation(e)) {
        throw e;
      }
      return find(source, target).orElseThrow().id(); // sent twice at once
    }
  }

  public Optional<Mention> find(String source, String target) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM webmentions WHERE pair_hash = :pair")
                .bind("pair", Digests.pair(source, target))
                .map(MAPPER)
                .findOne());
  }

  /** Verified: what it is, who wrote it, and the comment it became (null for likes, reposts). */
  public void accepted(
      long id,
      MentionKind kind,
      Long commentId,
      String authorName,
      String authorUrl,
      String published,
      Instant now) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  """
                  UPDATE webmentions SET status = 'accepted', kind = :kind, comment_id = :comment,
                    author_name = :name, author_url = :url, published = :published,
                    reason = NULL, checked_at = :now
                  WHERE id = :id
                  """)
              .bind("kind", kind.db())
              .bind("comment", commentId)
              .bind("name", cut(authorName, 250))
              .bind("url", cut(authorUrl, 2000))
              .bind("published", cut(published, 64))
              .bind("now", now)
              .bind("id", id)
              .execute();
          raisePost(h, id, now);
        });
  }

  /** Not taken, and why. */
  public void refused(long id, String reason, Instant now) {
    finish(id, Mention.REFUSED, reason, now);
  }

  /** Taken back: the source is gone or no longer links to the target. */
  public void deleted(long id, String reason, Instant now) {
    finish(id, Mention.DELETED, reason, now);
  }

  private void finish(long id, String status, String reason, Instant now) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "UPDATE webmentions SET status = :status, reason = :reason, checked_at = :now"
                      + " WHERE id = :id")
              .bind("status", status)
              .bind("reason", cut(reason, 2000))
              .bind("now", now)
              .bind("id", id)
              .execute();
          raisePost(h, id, now);
        });
  }

  /** The kept pages of the mention's post show its likes and reposts: they are stale now. */
  private static void raisePost(Handle h, long mentionId, Instant now) {
    h.createQuery("SELECT post_id FROM webmentions WHERE id = :id")
        .bind("id", mentionId)
        .mapTo(Long.class)
        .findOne()
        .ifPresent(
            postId ->
                h.createUpdate(
                        "UPDATE content_version SET version = version + 1, changed_at = :now"
                            + " WHERE id = :row")
                    .bind("now", now)
                    .bind("row", 1 + (int) (postId % ContentVersions.POST_SLOTS))
                    .execute());
  }

  /** Accepted likes and reposts of a post. */
  public Counts counts(long postId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT
                      COALESCE(SUM(CASE WHEN kind = 'like' THEN 1 ELSE 0 END), 0) AS likes,
                      COALESCE(SUM(CASE WHEN kind = 'repost' THEN 1 ELSE 0 END), 0) AS reposts
                    FROM webmentions WHERE post_id = :post AND status = 'accepted'
                    """)
                .bind("post", postId)
                .map((rs, ctx) -> new Counts(rs.getLong("likes"), rs.getLong("reposts")))
                .one());
  }

  /** The newest mentions, at most {@code limit}, for the admin. */
  public List<Mention> recent(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM webmentions ORDER BY received_at DESC, id DESC LIMIT :n")
                .bind("n", limit)
                .map(MAPPER)
                .list());
  }

  static String cut(String text, int max) {
    if (text == null) {
      return null;
    }
    return text.length() <= max ? text : text.substring(0, max);
  }
}
