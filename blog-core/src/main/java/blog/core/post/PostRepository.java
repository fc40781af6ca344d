package blog.core.post;

import blog.core.db.EveryNth;
import blog.core.db.Times;
import blog.core.taxonomy.Taxonomy;
import blog.core.taxonomy.TermRepository;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

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
   * listing index (post_type, published_at DESC, id DESC; {@code posts_listing_idx}) as already
   * sorted and reads just the page from it; ordered by date alone, H2 chose the status index and
   * sorted every readable post for each page (80 ms at 5,000 posts, growing with the blog).
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

  /** The pages readers may open (About, Contact…), by title: what a menu may offer. */
  public List<Post> readablePages(Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT p.* FROM posts p WHERE p.post_type = 'page' AND "
                        + READABLE
                        + " ORDER BY p.title, p.id")
                .bind("now", now)
                .map(MAPPER)
                .list());
  }

  /** Visible posts, newest first. */
  public List<Post> listVisible(Instant now, int limit, int offset) {
    return list(Listing.ALL, now, limit, offset);
  }

  /** Up to {@code limit} posts of {@code listing} after the first {@code offset}, newest first. */
  public List<Post> list(Listing listing, Instant now, int limit, int offset) {
    ListingSql sql = ListingSql.of(listing);
    return jdbi.withHandle(
        h ->
            bind(
                    sql,
                    h.createQuery(
                        "SELECT p.* FROM "
                            + sql.from()
                            + sql.order()
                            + " LIMIT :limit OFFSET :offset"),
                    now)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(MAPPER)
                .list());
  }

  /**
   * The key of every {@code every}-th post of {@code listing} (the first of each page), newest
   * first, from post {@code from} on (it included; null: from the newest) and among at most {@code
   * limit} posts: one pass over an index ({@code posts_listing_idx}; a term's, {@code
   * post_terms_listing_idx}), reading no post bodies.
   */
  public List<ListingKey> keysEvery(
      Listing listing, Instant now, int every, ListingKey from, int limit) {
    ListingSql sql = ListingSql.of(listing);
    return jdbi.withHandle(
        h -> {
          Query query =
              h.createQuery(
                  "SELECT "
                      + sql.key()
                      + " FROM "
                      + sql.from()
                      + (from == null ? "" : sql.fromKey())
                      + sql.order()
                      + " LIMIT :limit");
          if (from != null) {
            query.bindMethods(from);
          }
          return EveryNth.of(
              bind(sql, query, nowFrom(now, from))
                  .bind("limit", limit)
                  .setFetchSize(1000)
                  .map(
                      (rs, ctx) ->
                          new ListingKey(Times.instant(rs, "published_at"), rs.getLong("id"))),
              every);
        });
  }

  /** The key of every {@code every}-th visible post: {@link #keysEvery} of all posts. */
  public List<ListingKey> visibleKeysEvery(Instant now, int every) {
    return keysEvery(Listing.ALL, now, every, null, Integer.MAX_VALUE);
  }

  /**
   * Posts from a {@link ListingKey} on (it included), in {@link #LISTING_ORDER}; binds {@code
   * :publishedAt} and {@code :id}, the key's (e.g. by {@code bindMethods}). The first bound is a
   * range on the listing index, where the reading starts; the second only sorts out posts published
   * at that very instant.
   */
  public static final String FROM_KEY =
      " AND p.published_at <= :publishedAt AND (p.published_at < :publishedAt OR p.id <= :id)";

  /**
   * The {@code :now} a read from key {@code from} on binds: the earlier of now and the key's date.
   * The rows are the same (the key bounds the dates read), but given two upper bounds on the date
   * of an index (visible by now, and from the key), H2 starts its range at the looser one and walks
   * every entry in between: page 5,000 of the home page took 26 ms instead of one.
   */
  public static Instant nowFrom(Instant now, ListingKey from) {
    return from == null || now.isBefore(from.publishedAt()) ? now : from.publishedAt();
  }

  /**
   * The {@code :now} a read of {@code listing} binds: for an archive of a span that ended before
   * now, the span's end. The rows are the same ({@code < :to} leaves out a post at the end itself),
   * but of the two upper bounds H2 would start at the looser, now, and walk every post published
   * since: on a blog of 100,000 posts over eight years, a month seven years back read 96,000 index
   * entries for its ten posts.
   */
  static Instant nowWithin(Listing listing, Instant now) {
    return listing instanceof Listing.Between span && span.to().isBefore(now) ? span.to() : now;
  }

  /** Up to {@code limit} posts of {@code listing} from {@code from} on (it included). */
  public List<Post> listFrom(Listing listing, Instant now, ListingKey from, int limit) {
    ListingSql sql = ListingSql.of(listing);
    return jdbi.withHandle(
        h ->
            bind(
                    sql,
                    h.createQuery(
                        "SELECT p.* FROM "
                            + sql.from()
                            + sql.fromKey()
                            + sql.order()
                            + " LIMIT :limit"),
                    nowFrom(now, from))
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

  /**
   * A listing's rows in SQL: {@code from} (tables and conditions, binding {@code :now} and the
   * listing's own), the key columns, the condition to start at a key, and the order. A term's posts
   * are read through its links, by the publication date each link carries ({@code
   * post_terms_listing_idx}): a range of that index whatever share of the blog the term has; an
   * author's from the author's index ({@code posts_author_listing_idx}); everything else from the
   * listing index.
   */
  private record ListingSql(
      String from, String key, String fromKey, String order, Listing listing) {
    static ListingSql of(Listing listing) {
      if (listing instanceof Listing.OfTerm) {
        return new ListingSql(
            "post_terms pt JOIN posts p ON p.id = pt.post_id WHERE pt.term_id = :termId"
                + " AND pt.published_at <= :now AND "
                + VISIBLE,
            "pt.published_at, pt.post_id AS id",
            " AND pt.published_at <= :publishedAt"
                + " AND (pt.published_at < :publishedAt OR pt.post_id <= :id)",
            // The constant term leads, as the type does in LISTING_ORDER: H2 then reads the
            // term's index in order and stops at the page's end.
            " ORDER BY pt.term_id, pt.published_at DESC, pt.post_id DESC",
            listing);
      }
      if (listing instanceof Listing.ByAuthor) {
        // The author leads the order as the term does above: a range of the author's index
        // (posts_author_listing_idx).
        return new ListingSql(
            "posts p WHERE p.author_id = :authorId AND " + VISIBLE,
            "p.published_at, p.id",
            FROM_KEY,
            " ORDER BY p.author_id, p.post_type, p.published_at DESC, p.id DESC",
            listing);
      }
      String from = "posts p WHERE " + VISIBLE;
      if (listing instanceof Listing.Between) {
        from += " AND p.published_at >= :from AND p.published_at < :to";
      }
      return new ListingSql(from, "p.published_at, p.id", FROM_KEY, LISTING_ORDER, listing);
    }
  }

  /** Binds {@code :now} and the listing's own parameters to a query of {@code sql}. */
  private static Query bind(ListingSql sql, Query query, Instant now) {
    query.bind("now", nowWithin(sql.listing(), now));
    if (sql.listing() instanceof Listing.OfTerm term) {
      query.bind("termId", term.termId());
    } else if (sql.listing() instanceof Listing.Between span) {
      query.bind("from", span.from()).bind("to", span.to());
    } else if (sql.listing() instanceof Listing.ByAuthor author) {
      query.bind("authorId", author.authorId());
    }
    return query;
  }

  /** A visible post's id and publication date, as {@link #forEachVisible} reads them. */
  @FunctionalInterface
  public interface VisibleRow {
    void accept(long id, Instant publishedAt);
  }

  /**
   * Every visible post's id and publication date, newest first, streamed to {@code row}: read from
   * the listing index alone ({@code posts_listing_idx}), no post's row.
   */
  public void forEachVisible(Instant now, VisibleRow row) {
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT p.id, p.published_at FROM posts p WHERE " + VISIBLE + LISTING_ORDER)
                .bind("now", now)
                .setFetchSize(1000)
                .scanResultSet(
                    (results, ctx) -> {
                      ResultSet rs = results.get();
                      while (rs.next()) {
                        row.accept(rs.getLong(1), Times.instant(rs, "published_at"));
                      }
                      return null;
                    }));
  }

  /**
   * Visible posts published at or after {@code since} that have no row in {@code recordTable}
   * (keyed by {@code post_id}: what a feature has already told the world), oldest first.
   */
  public static List<Long> visibleNotRecordedIn(
      Jdbi jdbi, String recordTable, Instant since, Instant now, int limit) {
    if (!recordTable.matches("[a-z_]{1,63}")) {
      throw new IllegalArgumentException("not a plain SQL name: " + recordTable);
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT p.id FROM posts p WHERE "
                        + VISIBLE
                        + " AND p.published_at >= :since AND NOT EXISTS (SELECT 1 FROM "
                        + recordTable
                        + " r WHERE r.post_id = p.id) ORDER BY p.published_at, p.id LIMIT :limit")
                .bind("since", since)
                .bind("now", now)
                .bind("limit", limit)
                .mapTo(Long.class)
                .list());
  }
}
