package blog.core.federation;

import blog.core.change.ContentVersions;
import blog.core.db.UniqueViolations;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Likes and boosts of the blog's posts from other servers, one per account, kind and post. Every
 * change raises the post's content-version row, so its kept page shows the new counts.
 */
public final class ReactionRepository {
  /** What someone on another server did to a post. */
  public enum Kind {
    LIKE,
    ANNOUNCE;

    String db() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How many likes and boosts a post has. */
  public record Counts(long likes, long boosts) {
    public static final Counts NONE = new Counts(0, 0);

    public boolean any() {
      return likes > 0 || boosts > 0;
    }
  }

  /** A post's counts, as the admin lists them. */
  public record PostCounts(long postId, String title, long likes, long boosts) {}

  private final Jdbi jdbi;

  public ReactionRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Records the reaction; false when the account had it already (a repeated delivery). */
  public boolean add(long postId, Kind kind, String actorId, String activityId, Instant now) {
    try {
      return jdbi.inTransaction(
          h -> {
            long present =
                h.createQuery(
                        "SELECT COUNT(*) FROM federation_reactions"
                            + " WHERE post_id = :post AND kind = :kind AND actor_id = :actor")
                    .bind("post", postId)
                    .bind("kind", kind.db())
                    .bind("actor", actorId)
                    .mapTo(Long.class)
                    .one();
            if (present > 0) {
              return false;
            }
            h.createUpdate(
                    """
                    INSERT INTO federation_reactions (post_id, kind, actor_id, activity_id,
                      created_at)
                    VALUES (:post, :kind, :actor, :activity, :now)
                    """)
                .bind("post", postId)
                .bind("kind", kind.db())
                .bind("actor", actorId)
                .bind("activity", activityId)
                .bind("now", now)
                .execute();
            raise(h, postId, now);
            return true;
          });
    } catch (RuntimeException e) {
      if (UniqueViolations.isUniqueViolation(e)) {
        return false; // the same activity, delivered twice at once
      }
      throw e;
    }
  }

  /** Removes the reaction the activity {@code activityId} of {@code actorId} made; how many. */
  public int removeByActivity(String actorId, String activityId, Instant now) {
    return jdbi.inTransaction(
        h -> {
          List<Long> posts =
              h.createQuery(
                      "SELECT post_id FROM federation_reactions"
                          + " WHERE actor_id = :actor AND activity_id = :activity")
                  .bind("actor", actorId)
                  .bind("activity", activityId)
                  .mapTo(Long.class)
                  .list();
          int removed =
              h.createUpdate(
                      "DELETE FROM federation_reactions"
                          + " WHERE actor_id = :actor AND activity_id = :activity")
                  .bind("actor", actorId)
                  .bind("activity", activityId)
                  .execute();
          posts.forEach(p -> raise(h, p, now));
          return removed;
        });
  }

  /** Removes the account's reaction of {@code kind} to the post; how many (0 or 1). */
  public int remove(long postId, Kind kind, String actorId, Instant now) {
    return jdbi.inTransaction(
        h -> {
          int removed =
              h.createUpdate(
                      "DELETE FROM federation_reactions"
                          + " WHERE post_id = :post AND kind = :kind AND actor_id = :actor")
                  .bind("post", postId)
                  .bind("kind", kind.db())
                  .bind("actor", actorId)
                  .execute();
          if (removed > 0) {
            raise(h, postId, now);
          }
          return removed;
        });
  }

  public Counts counts(long postId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT COALESCE(SUM(CASE WHEN kind = 'like' THEN 1 ELSE 0 END), 0),"
                        + " COALESCE(SUM(CASE WHEN kind = 'announce' THEN 1 ELSE 0 END), 0)"
                        + " FROM federation_reactions WHERE post_id = :post")
                .bind("post", postId)
                .map((rs, ctx) -> new Counts(rs.getLong(1), rs.getLong(2)))
                .one());
  }

  /** The posts with the most reactions, at most {@code limit}. */
  public List<PostCounts> top(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT r.post_id, p.title,
                      SUM(CASE WHEN r.kind = 'like' THEN 1 ELSE 0 END) AS likes,
                      SUM(CASE WHEN r.kind = 'announce' THEN 1 ELSE 0 END) AS boosts
                    FROM federation_reactions r JOIN posts p ON p.id = r.post_id
                    GROUP BY r.post_id, p.title
                    ORDER BY COUNT(*) DESC, r.post_id DESC
                    LIMIT :limit
                    """)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new PostCounts(
                            rs.getLong("post_id"),
                            rs.getString("title"),
                            rs.getLong("likes"),
                            rs.getLong("boosts")))
                .list());
  }

  /** The post's page shows the counts: its content-version row moves with them. */
  private static void raise(Handle h, long postId, Instant now) {
    h.createUpdate(
            "UPDATE content_version SET version = version + 1, changed_at = :now WHERE id = :row")
        .bind("row", ContentVersions.postSlot(postId))
        .bind("now", now)
        .execute();
  }
}
