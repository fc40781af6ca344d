package blog.core.post;

import blog.core.db.Times;
import blog.core.taxonomy.Taxonomy;
import blog.core.taxonomy.TermRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Posts and their links to categories and tags. */
public final class PostRepository {
  /**
   * Readers may open published posts and pages, and scheduled ones once their time has come. The
   * one definition of visibility in SQL; binds {@code :now}.
   */
  public static final String READABLE =
      "p.status IN ('published', 'scheduled') AND p.published_at <= :now";

  /**
   * What readers see listed (home page, archives, feeds): readable posts, not pages. Other
   * repositories add it to their queries; binds {@code :now}.
   */
  public static final String VISIBLE = READABLE + " AND p.post_type = 'post'";

  /**
   * Newest first, for {@link #VISIBLE} rows. The constant type leads the order so that H2 sees the
   * listing index (post_type, published_at DESC, id DESC; migration V16) as already sorted and
   * reads just the page from it; ordered by date alone, H2 chose the status index and sorted every
   * readable post for each page (80 ms at 5,000 posts, growing with the blog).
   */
  public static final String LISTING_ORDER =
      " ORDER BY p.post_type, p.published_at DESC, p.id DESC";

  /**
   * One {@code posts} row ({@code p.*}) as a {@link Post}; other repositories' queries reuse it.
   */
  public static final RowMapper<Post> MAPPER =
      (rs, ctx) ->
          new Post(
              rs.getLong("id"),
              rs.getString("slug"),
              rs.getString("title"),
              rs.getString("body_markdown"),
              rs.getString("body_html"),
              rs.getString("excerpt"),
              PostStatus.fromDb(rs.getString("status")),
              rs.getLong("author_id"),
              "open".equals(rs.getString("comment_status")),
              Times.instant(rs, "published_at"),
              Times.instant(rs, "created_at"),
              Times.instant(rs, "updated_at"),
              rs.getInt("version"),
              PostType.fromDb(rs.getString("post_type")));

  private final Jdbi jdbi;
  private final TermRepository terms;

  public PostRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.terms = new TermRepository(jdbi);
  }

  /** Stores the post, creating missing categories and tags, all in one transaction. */
  public long insert(NewPost post, String bodyHtml, Instant now) {
    return jdbi.inTransaction(
        h -> {
          long id =
              h.createUpdate(
                      """
                      INSERT INTO posts (slug, title, body_markdown, body_html, excerpt, status,
                                         author_id, comment_status, published_at, created_at,
                                         updated_at, version)
                      VALUES (:slug, :title, :markdown, :html, :excerpt, :status, :authorId,
                              :commentStatus, :publishedAt, :now, :now, 1)
                      """)
                  .bind("slug", post.slug())
                  .bind("title", post.title())
                  .bind("markdown", post.bodyMarkdown())
                  .bind("html", bodyHtml)
                  .bind("excerpt", post.excerpt())
                  .bind("status", post.status().dbValue())
                  .bind("authorId", post.authorId())
                  .bind("commentStatus", post.commentsOpen() ? "open" : "closed")
                  .bind("publishedAt", post.publishedAt())
                  .bind("now", now)
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          // Runs on this transaction's handle: Jdbi reuses it for calls on the same thread.
          terms.link(id, Taxonomy.CATEGORY, post.categories());
          terms.link(id, Taxonomy.TAG, post.tags());
          return id;
        });
  }

  public long count() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM posts").mapTo(Long.class).one());
  }

  /** Any post, whatever its status. */
  public Optional<Post> findById(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT p.* FROM posts p WHERE p.id = :id")
                .bind("id", id)
                .map(MAPPER)
                .findOne());
  }

  public Optional<Post> findVisibleBySlug(String slug, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT p.* FROM posts p WHERE p.slug = :slug AND " + VISIBLE)
                .bind("slug", slug)
                .bind("now", now)
                .map(MAPPER)
                .findOne());
  }

  /** A page readers may open, by slug. */
  public Optional<Post> findReadablePageBySlug(String slug, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT p.* FROM posts p WHERE p.slug = :slug AND p.post_type = 'page' AND "
                        + READABLE)
                .bind("slug", slug)
                .bind("now", now)
                .map(MAPPER)
                .findOne());
  }

  /** Visible posts, newest first. */
  public List<Post> listVisible(Instant now, int limit, int offset) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT p.* FROM posts p WHERE "
                        + VISIBLE
                        + LISTING_ORDER
                        + " LIMIT :limit OFFSET :offset")
                .bind("now", now)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(MAPPER)
                .list());
  }

  /**
   * The key of every {@code every}-th visible post (the first of each page), newest first: read
   * from the listing index alone (migration V16), one pass over the listing.
   */
  public List<ListingKey> visibleKeysEvery(Instant now, int every) {
    List<ListingKey> keys = new ArrayList<>();
    jdbi.useHandle(
        h -> {
          int[] position = {0};
          h.createQuery("SELECT p.published_at, p.id FROM posts p WHERE " + VISIBLE + LISTING_ORDER)
              .bind("now", now)
              .setFetchSize(1000)
              .map((rs, ctx) -> new ListingKey(Times.instant(rs, "published_at"), rs.getLong("id")))
              .forEach(
                  key -> {
                    if (position[0]++ % every == 0) {
                      keys.add(key);
                    }
                  });
        });
    return keys;
  }

  /**
   * Posts from a {@link ListingKey} on (it included), in {@link #LISTING_ORDER}; binds {@code
   * :publishedAt} and {@code :id}, the key's (e.g. by {@code bindMethods}). The first bound is a
   * range on the listing index, where the reading starts; the second only sorts out posts published
   * at that very instant.
   */
  public static final String FROM_KEY =
      " AND p.published_at <= :publishedAt AND (p.published_at < :publishedAt OR p.id <= :id)";

  /** Up to {@code limit} visible posts from {@code from} on (it included), newest first. */
  public List<Post> listVisibleFrom(Instant now, ListingKey from, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT p.* FROM posts p WHERE "
                        + VISIBLE
                        + FROM_KEY
                        + LISTING_ORDER
                        + " LIMIT :limit")
                .bind("now", now)
                .bindMethods(from)
                .bind("limit", limit)
                .map(MAPPER)
                .list());
  }

  /**
   * When the next post due for publication becomes visible (a scheduled post's time), if any: the
   * moment a page rendered now goes out of date without any write.
   */
  public Optional<Instant> nextPublicationAfter(Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT MIN(published_at) FROM posts WHERE status IN ('published',"
                        + " 'scheduled') AND published_at > :now")
                .bind("now", now)
                .mapTo(Instant.class)
                .findOne());
  }

  /** Visible posts published in [from, to), newest first: monthly and yearly archives. */
  public List<Post> listVisibleBetween(
      Instant from, Instant to, Instant now, int limit, int offset) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT p.* FROM posts p WHERE "
                        + VISIBLE
                        + " AND p.published_at >= :from AND p.published_at < :to"
                        + LISTING_ORDER
                        + " LIMIT :limit OFFSET :offset")
                .bind("now", now)
                .bind("from", from)
                .bind("to", to)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(MAPPER)
                .list());
  }

  /** Visible posts in a category or tag, newest first. */
  public List<Post> listVisibleInTerm(long termId, Instant now, int limit, int offset) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT p.* FROM posts p JOIN post_terms pt ON pt.post_id = p.id"
                        + " WHERE pt.term_id = :termId AND "
                        + VISIBLE
                        + LISTING_ORDER
                        + " LIMIT :limit OFFSET :offset")
                .bind("termId", termId)
                .bind("now", now)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(MAPPER)
                .list());
  }

  /** The publication instants of all visible posts, newest first, for the archive list. */
  public List<Instant> visiblePublicationTimes(Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT p.published_at FROM posts p WHERE " + VISIBLE + LISTING_ORDER)
                .bind("now", now)
                .map((rs, ctx) -> Times.instant(rs, "published_at"))
                .list());
  }
}
