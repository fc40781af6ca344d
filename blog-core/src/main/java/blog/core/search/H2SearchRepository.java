package blog.core.search;

import blog.core.post.Post;
import blog.core.post.PostRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Search on H2 without its Lucene-less FullText triggers: every term (word or "quoted phrase") must
 * occur, case-insensitively, in the title or the body, as a {@code LIKE} substring match with
 * {@code %}, {@code _} and the escape character escaped. No stemming and no stop words; fine for
 * the single-machine blogs H2 serves.
 */
public final class H2SearchRepository implements PostSearchRepository {
  private final Jdbi jdbi;

  public H2SearchRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public int count(SearchQuery query, Instant now) {
    if (query.isEmpty()) {
      return 0;
    }
    return jdbi.withHandle(
        h ->
            bindTerms(
                    h.createQuery("SELECT COUNT(*) FROM posts p WHERE " + where(query)), query, now)
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
            bindTerms(
                    h.createQuery(
                        "SELECT p.* FROM posts p WHERE "
                            + where(query)
                            + " ORDER BY CASE WHEN "
                            + all(query, "p.title")
                            + " THEN 1 ELSE 0 END DESC, p.published_at DESC, p.id DESC"
                            + " LIMIT :limit OFFSET :offset"),
                    query,
                    now)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(PostRepository.MAPPER)
                .list());
  }

  /** Only fixed SQL and parameter names; the terms themselves are bound. */
  private static String where(SearchQuery query) {
    List<String> each = new ArrayList<>();
    for (int i = 0; i < query.terms().size(); i++) {
      each.add("(" + like("p.title", i) + " OR " + like("p.body_markdown", i) + ")");
    }
    return PostRepository.VISIBLE + " AND " + String.join(" AND ", each);
  }

  private static String all(SearchQuery query, String column) {
    List<String> each = new ArrayList<>();
    for (int i = 0; i < query.terms().size(); i++) {
      each.add(like(column, i));
    }
    return "(" + String.join(" AND ", each) + ")";
  }

  private static String like(String column, int i) {
    // '!' rather than a backslash: Jdbi's statement parser reads '\' as an escaped quote.
    return "LOWER(" + column + ") LIKE :t" + i + " ESCAPE '!'";
  }

  private static <S extends SqlStatement<S>> S bindTerms(
      S statement, SearchQuery query, Instant now) {
    List<String> terms = query.terms();
    for (int i = 0; i < terms.size(); i++) {
      statement.bind("t" + i, "%" + escapeLike(terms.get(i)) + "%");
    }
    return statement.bind("now", now);
  }

  static String escapeLike(String term) {
    return term.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
