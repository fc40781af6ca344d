package blog.core.taxonomy;

import blog.core.text.Slugs;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
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

  /**
   * Links the post to the terms of one taxonomy named in {@code names}, creating the missing terms
   * (a name's slug identifies its term, so "Café" and "cafe" are one tag).
   */
  public void link(long postId, Taxonomy taxonomy, List<String> names) {
    jdbi.useHandle(
        h -> {
          for (String name : names) {
            link(h, postId, findOrCreate(h, taxonomy, name));
          }
        });
  }

  /**
   * Makes the post's categories and tags exactly the named ones (multi-statement: call in a
   * transaction).
   */
  public void replacePostTerms(long postId, List<String> categories, List<String> tags) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM post_terms WHERE post_id = :postId")
                .bind("postId", postId)
                .execute());
    link(postId, Taxonomy.CATEGORY, categories);
    link(postId, Taxonomy.TAG, tags);
  }

  private static long findOrCreate(Handle h, Taxonomy taxonomy, String name) {
    String slug = Slugs.slugify(name);
    Optional<Long> existing =
        h.createQuery("SELECT id FROM terms WHERE taxonomy = :taxonomy AND slug = :slug")
            .bind("taxonomy", taxonomy.dbValue())
            .bind("slug", slug)
            .mapTo(Long.class)
            .findOne();
    return existing.orElseGet(
        () ->
            h.createUpdate(
                    "INSERT INTO terms (taxonomy, slug, name) VALUES (:taxonomy, :slug, :name)")
                .bind("taxonomy", taxonomy.dbValue())
                .bind("slug", slug)
                .bind("name", name.strip())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /**
   * Links post {@code postId} to term {@code termId} unless it is already, the link carrying the
   * post's publication date ({@code post_terms_listing_idx}: a term's archive is read by it). For
   * the repositories that write posts, on their handle.
   */
  public static void link(Handle h, long postId, long termId) {
    h.createUpdate(
            """
            INSERT INTO post_terms (post_id, term_id, published_at)
            SELECT p.id, :termId, p.published_at FROM posts p WHERE p.id = :postId AND NOT EXISTS
              (SELECT 1 FROM post_terms WHERE post_id = :postId AND term_id = :termId)
            """)
        .bind("postId", postId)
        .bind("termId", termId)
        .execute();
  }

  /**
   * Copies post {@code postId}'s publication date to its links after the date changed (on the
   * changing handle, in its transaction).
   */
  public static void redate(Handle h, long postId) {
    h.createUpdate(
            """
            UPDATE post_terms SET published_at = (SELECT p.published_at FROM posts p WHERE p.id = :postId)
            WHERE post_id = :postId
            """)
        .bind("postId", postId)
        .execute();
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

  /**
   * Names of one taxonomy's terms for suggestions while typing: the most used first, at most {@code
   * limit}.
   */
  public List<String> popularNames(Taxonomy taxonomy, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT t.name FROM terms t LEFT JOIN post_terms pt ON pt.term_id = t.id
                    WHERE t.taxonomy = :taxonomy
                    GROUP BY t.id, t.name
                    ORDER BY COUNT(pt.post_id) DESC, t.name
                    LIMIT :limit
                    """)
                .bind("taxonomy", taxonomy.dbValue())
                .bind("limit", limit)
                .mapTo(String.class)
                .list());
  }

  /** Every term of {@code taxonomy}, in name order as the database sorts names. */
  public List<Term> inNameOrder(Taxonomy taxonomy) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM terms WHERE taxonomy = :taxonomy ORDER BY name, id")
                .bind("taxonomy", taxonomy.dbValue())
                .map(MAPPER)
                .list());
  }

  /** A link between a post and a term, as {@link #forEachLink} reads them. */
  @FunctionalInterface
  public interface LinkRow {
    void accept(long termId, long postId);
  }

  /**
   * Every link of the terms {@code termIds} to a post, streamed to {@code link}: read along the
   * term index, no post's row.
   */
  public void forEachLink(Collection<Long> termIds, LinkRow link) {
    if (termIds.isEmpty()) {
      return;
    }
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT term_id, post_id FROM post_terms WHERE term_id IN (<ids>)")
                .bindList("ids", List.copyOf(termIds))
                .setFetchSize(1000)
                .scanResultSet(
                    (results, ctx) -> {
                      ResultSet rs = results.get();
                      while (rs.next()) {
                        link.accept(rs.getLong(1), rs.getLong(2));
                      }
                      return null;
                    }));
  }
}
