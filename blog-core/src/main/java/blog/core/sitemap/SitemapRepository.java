package blog.core.sitemap;

import blog.core.db.Times;
import blog.core.identity.Byline;
import blog.core.post.ListingKey;
import blog.core.post.PostRepository;
import blog.core.taxonomy.Taxonomy;
import blog.core.taxonomy.Term;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/** Just the columns a sitemap needs, of visible posts and of the terms that hold them. */
public final class SitemapRepository {
  private final Jdbi jdbi;

  public SitemapRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A post's dates: published, and last changed (lm); followed by the condition on posts. */
  private static final String DATES =
      "p.published_at, GREATEST(p.published_at, p.updated_at) AS lm FROM posts p WHERE ";

  private static final RowMapper<SitemapPost> POST =
      (rs, ctx) ->
          new SitemapPost(
              rs.getString("slug"), Times.instant(rs, "published_at"), Times.instant(rs, "lm"));

  /** Visible posts, newest first, at most {@code limit}. */
  public List<SitemapPost> posts(Instant now, int limit) {
    return visiblePosts(now, null, limit);
  }

  /**
   * Visible posts from {@code from} on (it included), newest first, at most {@code limit}: a keyset
   * read of the listing index, costing the same wherever it starts.
   */
  public List<SitemapPost> postsFrom(Instant now, ListingKey from, int limit) {
    return visiblePosts(now, from, limit);
  }

  private List<SitemapPost> visiblePosts(Instant now, ListingKey from, int limit) {
    return jdbi.withHandle(
        h -> {
          Query query =
              h.createQuery(
                      "SELECT p.slug, "
                          + DATES
                          + PostRepository.VISIBLE
                          + (from == null ? "" : PostRepository.FROM_KEY)
                          + PostRepository.LISTING_ORDER
                          + " LIMIT :limit")
                  .bind("now", PostRepository.nowFrom(now, from))
                  .bind("limit", limit);
          if (from != null) {
            query.bindMethods(from);
          }
          return query.map(POST).list();
        });
  }

  /**
   * The dates of every visible post, newest first: read from the listing index alone ({@code
   * posts_listing_idx} carries the change date), not from the posts' rows.
   */
  public List<PostDates> postDates(Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + DATES + PostRepository.VISIBLE + PostRepository.LISTING_ORDER)
                .bind("now", now)
                .setFetchSize(1000)
                .map(
                    (rs, ctx) ->
                        new PostDates(Times.instant(rs, "published_at"), Times.instant(rs, "lm")))
                .list());
  }

  /** Readable pages (About, Contact…), by slug; their date plays no part in their address. */
  public List<SitemapPost> pages(Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT p.slug, "
                        + DATES
                        + PostRepository.READABLE
                        + " AND p.post_type = 'page' ORDER BY p.slug")
                .bind("now", now)
                .map(POST)
                .list());
  }

  /**
   * Categories and tags holding at least one visible post, by taxonomy and slug. The posts' side of
   * the join is answered by the listing index alone ({@code posts_listing_idx}).
   */
  public List<SitemapTerm> terms(Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT t.id, t.taxonomy, t.slug, t.name,"
                        + " MAX(GREATEST(p.published_at, p.updated_at)) AS lm"
                        + " FROM terms t JOIN post_terms pt ON pt.term_id = t.id"
                        + " JOIN posts p ON p.id = pt.post_id WHERE "
                        + PostRepository.VISIBLE
                        + " GROUP BY t.id, t.taxonomy, t.slug, t.name ORDER BY t.taxonomy, t.slug")
                .bind("now", now)
                .map(
                    (rs, ctx) ->
                        new SitemapTerm(
                            new Term(
                                rs.getLong("id"),
                                Taxonomy.fromDb(rs.getString("taxonomy")),
                                rs.getString("slug"),
                                rs.getString("name")),
                            Times.instant(rs, "lm")))
                .list());
  }

  /** Authors with at least one visible post, by username, with the newest change to their posts. */
  public List<SitemapAuthor> authors(Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT u.username, MAX(GREATEST(p.published_at, p.updated_at)) AS lm"
                        + " FROM users u JOIN posts p ON p.author_id = u.id WHERE "
                        + PostRepository.VISIBLE
                        + " GROUP BY u.id, u.username ORDER BY u.username")
                .bind("now", now)
                .map(
                    (rs, ctx) ->
                        new SitemapAuthor(
                            Byline.slugOf(rs.getString("username")), Times.instant(rs, "lm")))
                .list());
  }
}
