package blog.core.search;

import blog.core.post.Post;
import blog.core.post.PostRepository;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * PostgreSQL's full-text search: the query is read by {@code websearch_to_tsquery} (words, "quoted
 * phrases", {@code or}, {@code -word}; never a syntax error, whatever was typed) and matched
 * against title and body with English stemming, through the GIN index {@code posts_search_idx} (in
 * the PostgreSQL baseline) whose expression {@link #DOCUMENT} repeats exactly.
 */
public final class PostgresSearchRepository implements PostSearchRepository {
  static final String DOCUMENT =
      "to_tsvector('english'::regconfig, p.title || ' ' || p.body_markdown)";
  private static final String QUERY = "websearch_to_tsquery('english'::regconfig, :q)";
  private static final String MATCHES =
      PostRepository.VISIBLE + " AND " + DOCUMENT + " @@ " + QUERY;

  private final Jdbi jdbi;

  public PostgresSearchRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public int count(SearchQuery query, Instant now) {
    if (query.isEmpty()) {
      return 0;
    }
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM posts p WHERE " + MATCHES)
                .bind("q", query.text())
                .bind("now", now)
                .mapTo(Integer.class)
                .one());
  }

  @Override
  public List<Post> find(SearchQuery query, Instant now, int limit, int offset) {
    if (query.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT p.* FROM posts p WHERE "
                        + MATCHES
                        + " ORDER BY (to_tsvector('english'::regconfig, p.title) @@ "
                        + QUERY
                        + ") DESC, p.published_at DESC, p.id DESC LIMIT :limit OFFSET :offset")
                .bind("q", query.text())
                .bind("now", now)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(PostRepository.MAPPER)
                .list());
  }
}
