package blog.core.taxonomy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Categories and tags. */
public final class TermRepository {
  private static final RowMapper<Term> MAPPER =
      (rs, ctx) ->
          new Term(
              rs.getLong("id"),
              Taxonomy.fromDb(rs.getString("taxonomy")),
              rs.getString("slug"),
              rs.getString("name"));

  private final Jdbi jdbi;

  public TermRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Optional<Term> findBySlug(Taxonomy taxonomy, String slug) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM terms WHERE taxonomy = :taxonomy AND slug = :slug")
                .bind("taxonomy", taxonomy.dbValue())
                .bind("slug", slug)
                .map(MAPPER)
                .findOne());
  }

  /** The terms of each given post, by post id, in name order. Posts without terms are absent. */
  public Map<Long, List<Term>> forPosts(Collection<Long> postIds) {
    if (postIds.isEmpty()) {
      return Map.of();
    }
    List<PostTerm> rows =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT pt.post_id, t.* FROM post_terms pt JOIN terms t ON t.id = pt.term_id
                        WHERE pt.post_id IN (<ids>) ORDER BY t.name
                        """)
                    .bindList("ids", List.copyOf(postIds))
                    .map((rs, ctx) -> new PostTerm(rs.getLong("post_id"), MAPPER.map(rs, ctx)))
                    .list());
    return rows.stream()
        .collect(
            Collectors.groupingBy(
                PostTerm::postId, Collectors.mapping(PostTerm::term, Collectors.toList())));
  }

  private record PostTerm(long postId, Term term) {}

  /** Terms of one taxonomy that hold at least one visible post, with how many, by name. */
  public List<TermCount> withVisiblePostCounts(Taxonomy taxonomy, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT t.id, t.taxonomy, t.slug, t.name, COUNT(*) AS posts
                    FROM terms t
                    JOIN post_terms pt ON pt.term_id = t.id
                    JOIN posts p ON p.id = pt.post_id
                    WHERE t.taxonomy = :taxonomy
                      AND p.status IN ('published', 'scheduled') AND p.published_at <= :now
                    GROUP BY t.id, t.taxonomy, t.slug, t.name
                    ORDER BY t.name
                    """)
                .bind("taxonomy", taxonomy.dbValue())
                .bind("now", now)
                .map((rs, ctx) -> new TermCount(MAPPER.map(rs, ctx), rs.getInt("posts")))
                .list());
  }
}
