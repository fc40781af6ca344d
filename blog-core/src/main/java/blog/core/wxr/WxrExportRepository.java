package blog.core.wxr;

import blog.core.db.Times;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** What the export reads: everyone, every term, and posts with their comments in batches. */
public final class WxrExportRepository {
  private final Jdbi jdbi;

  public WxrExportRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  record User(long id, String username, String displayName, String email) {}

  record Term(long id, String taxonomy, String slug, String name, String description) {}

  record Post(
      long id,
      String type,
      String slug,
      String title,
      String bodyMarkdown,
      String bodyHtml,
      String excerpt,
      String status,
      String statusBeforeTrash,
      String author,
      boolean commentsOpen,
      Instant publishedAt,
      Instant createdAt,
      Instant updatedAt,
      Long parentId) {}

  record Comment(
      long id,
      long postId,
      Long parentId,
      String authorName,
      String authorEmail,
      String authorUrl,
      String clientIp,
      Instant createdAt,
      String status,
      String bodySource,
      String bodyHtml,
      Long userId) {}

  List<User> users() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id, username, display_name, email FROM users ORDER BY id")
                .map(
                    (rs, ctx) ->
                        new User(
                            rs.getLong("id"),
                            rs.getString("username"),
                            rs.getString("display_name"),
                            rs.getString("email")))
                .list());
  }

  List<Term> terms() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM terms ORDER BY taxonomy, id")
                .map(
                    (rs, ctx) ->
                        new Term(
                            rs.getLong("id"),
                            rs.getString("taxonomy"),
                            rs.getString("slug"),
                            rs.getString("name"),
                            rs.getString("description")))
                .list());
  }

  /** Up to {@code limit} posts and pages with ids above {@code afterId}, by id. */
  List<Post> posts(long afterId, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT p.*, u.username FROM posts p JOIN users u ON u.id = p.author_id
                    WHERE p.id > :after ORDER BY p.id LIMIT :limit
                    """)
                .bind("after", afterId)
                .bind("limit", limit)
                .map(
                    (rs, ctx) -> {
                      Long parentId = nullableLong(rs, "parent_id");
                      return new Post(
                          rs.getLong("id"),
                          rs.getString("post_type"),
                          rs.getString("slug"),
                          rs.getString("title"),
                          rs.getString("body_markdown"),
                          rs.getString("body_html"),
                          rs.getString("excerpt"),
                          rs.getString("status"),
                          rs.getString("status_before_trash"),
                          rs.getString("username"),
                          "open".equals(rs.getString("comment_status")),
                          Times.instant(rs, "published_at"),
                          Times.instant(rs, "created_at"),
                          Times.instant(rs, "updated_at"),
                          parentId);
                    })
                .list());
  }

  /** Each post's term ids. */
  Map<Long, List<Long>> termIds(Collection<Long> postIds) {
    if (postIds.isEmpty()) {
      return Map.of();
    }
    return jdbi.withHandle(
        h ->
            h
                .createQuery(
                    "SELECT post_id, term_id FROM post_terms WHERE post_id IN (<ids>)"
                        + " ORDER BY post_id, term_id")
                .bindList("ids", List.copyOf(postIds))
                .map((rs, ctx) -> new long[] {rs.getLong("post_id"), rs.getLong("term_id")})
                .stream()
                .collect(
                    Collectors.groupingBy(
                        r -> r[0], Collectors.mapping(r -> r[1], Collectors.toList()))));
  }

  /** Each post's former slugs. */
  Map<Long, List<String>> oldSlugs(Collection<Long> postIds) {
    if (postIds.isEmpty()) {
      return Map.of();
    }
    return jdbi.withHandle(
        h ->
            h
                .createQuery(
                    "SELECT post_id, old_slug FROM slug_redirects WHERE post_id IN (<ids>)"
                        + " ORDER BY old_slug")
                .bindList("ids", List.copyOf(postIds))
                .map((rs, ctx) -> Map.entry(rs.getLong("post_id"), rs.getString("old_slug")))
                .stream()
                .collect(
                    Collectors.groupingBy(
                        Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList()))));
  }

  /** The comments of the given posts, oldest first (parents before their replies). */
  List<Comment> comments(Collection<Long> postIds) {
    if (postIds.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM comments WHERE post_id IN (<ids>) ORDER BY post_id, id")
                .bindList("ids", List.copyOf(postIds))
                .map(
                    (rs, ctx) -> {
                      Long parentId = nullableLong(rs, "parent_id");
                      Long userId = nullableLong(rs, "user_id");
                      return new Comment(
                          rs.getLong("id"),
                          rs.getLong("post_id"),
                          parentId,
                          rs.getString("author_name"),
                          rs.getString("author_email"),
                          rs.getString("author_url"),
                          rs.getString("client_ip"),
                          Times.instant(rs, "created_at"),
                          rs.getString("status"),
                          rs.getString("body_source"),
                          rs.getString("body_html"),
                          userId);
                    })
                .list());
  }

  private static Long nullableLong(java.sql.ResultSet rs, String column)
      throws java.sql.SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
