package blog.core.wxr;

import blog.core.comment.CommentStatus;
import blog.core.post.PostStatus;
import blog.core.post.PostType;
import blog.core.taxonomy.Taxonomy;
import blog.core.taxonomy.TermRepository;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The import's reads and writes. Each call runs on the importer's current batch transaction (Jdbi
 * hands it to calls on the same thread); what an import makes is marked with its id ({@code
 * wxr_imports}), so that an import that never finished can be taken back whole.
 */
public final class WxrImportRepository {
  private final Jdbi jdbi;

  public WxrImportRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A post or page as the import stores it. */
  record NewPost(
      PostType type,
      String slug,
      String title,
      String bodyMarkdown,
      String bodyHtml,
      String excerpt,
      PostStatus status,
      PostStatus statusBeforeTrash,
      long authorId,
      boolean commentsOpen,
      Instant publishedAt,
      Instant createdAt) {}

  /** A comment as the import stores it. */
  record NewComment(
      long postId,
      String authorName,
      String authorEmail,
      String authorUrl,
      Long userId,
      String bodySource,
      String bodyHtml,
      CommentStatus status,
      String heldReason,
      Instant createdAt,
      String clientIp) {}

  Optional<Long> userIdByUsername(String username) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id FROM users WHERE username = :username")
                .bind("username", username)
                .mapTo(Long.class)
                .findOne());
  }

  /** An author who cannot log in until an admin gives them a password. */
  long insertAuthor(String username, String displayName, String email, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO users (username, display_name, email, role, created_at)
                    VALUES (:username, :displayName, :email, 'author', :now)
                    """)
                .bind("username", username)
                .bind("displayName", displayName)
                .bind("email", email)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  Optional<Long> termId(Taxonomy taxonomy, String slug) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id FROM terms WHERE taxonomy = :taxonomy AND slug = :slug")
                .bind("taxonomy", taxonomy.dbValue())
                .bind("slug", slug)
                .mapTo(Long.class)
                .findOne());
  }

  long insertTerm(Taxonomy taxonomy, String slug, String name, String description) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO terms (taxonomy, slug, name, description)
                    VALUES (:taxonomy, :slug, :name, :description)
                    """)
                .bind("taxonomy", taxonomy.dbValue())
                .bind("slug", slug)
                .bind("name", name)
                .bind("description", description)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  Optional<Long> mappedPost(String site, long wpId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT post_id FROM wxr_posts WHERE site = :site AND wp_id = :wpId")
                .bind("site", site)
                .bind("wpId", wpId)
                .mapTo(Long.class)
                .findOne());
  }

  Optional<Long> mappedComment(String site, long wpId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT comment_id FROM wxr_comments WHERE site = :site AND wp_id = :wpId")
                .bind("site", site)
                .bind("wpId", wpId)
                .mapTo(Long.class)
                .findOne());
  }

  /** The posts imported from a WordPress post with this id, from any site. */
  public java.util.List<Long> postsForWordPressId(long wpId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT post_id FROM wxr_posts WHERE wp_id = :wpId ORDER BY post_id")
                .bind("wpId", wpId)
                .mapTo(Long.class)
                .list());
  }

  boolean slugTaken(String slug) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM posts WHERE slug = :slug")
                    .bind("slug", slug)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  long insertPost(NewPost p) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO posts (slug, title, body_markdown, body_html, excerpt, status,
                                       status_before_trash, author_id, comment_status,
                                       published_at, created_at, updated_at, version, post_type)
                    VALUES (:slug, :title, :markdown, :html, :excerpt, :status, :beforeTrash,
                            :authorId, :commentStatus, :publishedAt, :createdAt, :createdAt, 1,
                            :type)
                    """)
                .bind("slug", p.slug())
                .bind("title", p.title())
                .bind("markdown", p.bodyMarkdown())
                .bind("html", p.bodyHtml())
                .bind("excerpt", p.excerpt())
                .bind("status", p.status().dbValue())
                .bind(
                    "beforeTrash",
                    p.statusBeforeTrash() == null ? null : p.statusBeforeTrash().dbValue())
                .bind("authorId", p.authorId())
                .bind("commentStatus", p.commentsOpen() ? "open" : "closed")
                .bind("publishedAt", p.publishedAt())
                .bind("createdAt", p.createdAt())
                .bind("type", p.type().dbValue())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  void linkTerm(long postId, long termId) {
    jdbi.useHandle(h -> TermRepository.link(h, postId, termId));
  }

  void mapPost(long importId, String site, long wpId, long postId, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO wxr_posts (site, wp_id, post_id, imported_at, import_id)
                    VALUES (:site, :wpId, :postId, :now, :importId)
                    """)
                .bind("importId", importId)
                .bind("site", site)
                .bind("wpId", wpId)
                .bind("postId", postId)
                .bind("now", now)
                .execute());
  }

  /**
   * Makes an old address's slug lead to the post, unless a post lives at that slug or it already
   * leads elsewhere (a live slug or an earlier redirect wins); true if it now leads here.
   */
  boolean addRedirect(String oldSlug, long postId, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                        """
                        INSERT INTO slug_redirects (old_slug, post_id, created_at)
                        SELECT :slug, :postId, :now WHERE
                          NOT EXISTS (SELECT 1 FROM posts WHERE slug = :slug)
                          AND NOT EXISTS (SELECT 1 FROM slug_redirects WHERE old_slug = :slug)
                        """)
                    .bind("slug", oldSlug)
                    .bind("postId", postId)
                    .bind("now", now)
                    .execute()
                == 1);
  }

  /** A slug a post now lives at leads nowhere else (the live slug wins, as in the editor). */
  void removeRedirect(String slug) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM slug_redirects WHERE old_slug = :slug")
                .bind("slug", slug)
                .execute());
  }

  void setPostParent(long postId, long parentId) {
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE posts SET parent_id = :parentId WHERE id = :id")
                .bind("parentId", parentId)
                .bind("id", postId)
                .execute());
  }

  long insertComment(NewComment c) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO comments (post_id, author_name, author_email, author_url, user_id,
                                          body_source, body_html, status, held_reason,
                                          created_at, client_ip, approved_at)
                    VALUES (:postId, :authorName, :authorEmail, :authorUrl, :userId, :bodySource,
                            :bodyHtml, :status, :heldReason, :createdAt, :clientIp, :approvedAt)
                    """)
                .bind("postId", c.postId())
                .bind("authorName", c.authorName())
                .bind("authorEmail", c.authorEmail())
                .bind("authorUrl", c.authorUrl())
                .bind("userId", c.userId())
                .bind("bodySource", c.bodySource())
                .bind("bodyHtml", c.bodyHtml())
                .bind("heldReason", c.heldReason())
                .bind("createdAt", c.createdAt())
                .bind("clientIp", c.clientIp())
                .bind("status", c.status().dbValue())
                // Public since WordPress had it: nobody is to be told about it as news.
                .bind("approvedAt", c.status() == CommentStatus.APPROVED ? c.createdAt() : null)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  void mapComment(long importId, String site, long wpId, long commentId, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO wxr_comments (site, wp_id, comment_id, imported_at, import_id)
                    VALUES (:site, :wpId, :commentId, :now, :importId)
                    """)
                .bind("importId", importId)
                .bind("site", site)
                .bind("wpId", wpId)
                .bind("commentId", commentId)
                .bind("now", now)
                .execute());
  }

  /** Threads a comment under another of the same post; false (nothing changed) otherwise. */
  boolean setCommentParent(long commentId, long parentId) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                        """
                        UPDATE comments SET parent_id = :parentId WHERE id = :id
                          AND post_id = (SELECT p.post_id FROM comments p WHERE p.id = :parentId)
                        """)
                    .bind("parentId", parentId)
                    .bind("id", commentId)
                    .execute()
                == 1);
  }

  // The record of imports, and taking back one that never finished ---------------------------

  /** Records an import beginning now; its id marks everything it makes. */
  long beginImport(Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("INSERT INTO wxr_imports (started_at, alive_at) VALUES (:now, :now)")
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /**
   * The import is still running (written with each batch); false if it was taken back meanwhile
   * (silent too long, by another instance).
   */
  boolean alive(long importId, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                        """
                        UPDATE wxr_imports SET alive_at = :now
                        WHERE id = :id AND undone_at IS NULL
                        """)
                    .bind("now", now)
                    .bind("id", importId)
                    .execute()
                == 1);
  }

  /**
   * The import is whole: from this commit on it is never undone. False if it was taken back
   * meanwhile.
   */
  boolean finishImport(long importId, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                        """
                        UPDATE wxr_imports SET finished_at = :now, alive_at = :now
                        WHERE id = :id AND undone_at IS NULL
                        """)
                    .bind("now", now)
                    .bind("id", importId)
                    .execute()
                == 1);
  }

  /** An author ({@code user}) or a term ({@code term}) the import made. */
  void recordMade(long importId, String kind, long rowId) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO wxr_import_rows (import_id, kind, row_id) VALUES (:id, :kind, :row)")
                .bind("id", importId)
                .bind("kind", kind)
                .bind("row", rowId)
                .execute());
  }

  /**
   * Imports neither finished nor undone whose last sign of life is at or before {@code
   * aliveBefore}.
   */
  /**
   * Whether any import is neither finished nor taken back; false on a database from before imports
   * were recorded (no table for them yet), which is read before it is migrated.
   */
  boolean anyUnfinished() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                            "SELECT COUNT(*) FROM information_schema.tables"
                                + " WHERE LOWER(table_name) = 'wxr_imports'")
                        .mapTo(Long.class)
                        .one()
                    > 0
                && h.createQuery(
                            "SELECT COUNT(*) FROM wxr_imports"
                                + " WHERE finished_at IS NULL AND undone_at IS NULL")
                        .mapTo(Long.class)
                        .one()
                    > 0);
  }

  java.util.List<Long> unfinished(Instant aliveBefore) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id FROM wxr_imports
                    WHERE finished_at IS NULL AND undone_at IS NULL AND alive_at <= :before
                    ORDER BY id
                    """)
                .bind("before", aliveBefore)
                .mapTo(Long.class)
                .list());
  }

  /** True if the import was taken back (or never recorded). */
  boolean undone(long importId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM wxr_imports WHERE id = :id AND undone_at IS NULL")
                    .bind("id", importId)
                    .mapTo(Integer.class)
                    .one()
                == 0);
  }

  /** Deletes up to {@code limit} of the comments an import made; the number deleted. */
  int deleteComments(long importId, int limit) {
    return deleteMarked(
        "SELECT comment_id FROM wxr_comments WHERE import_id = :id ORDER BY comment_id DESC",
        "comments",
        importId,
        limit);
  }

  /** Deletes up to {@code limit} of the posts and pages an import made; the number deleted. */
  int deletePosts(long importId, int limit) {
    return deleteMarked(
        "SELECT post_id FROM wxr_posts WHERE import_id = :id ORDER BY post_id DESC",
        "posts",
        importId,
        limit);
  }

  /**
   * Reads the ids first and deletes by them: as one statement ({@code WHERE id IN (SELECT …)}) H2
   * ran the inner query again for every row, which took seconds for a few thousand comments.
   */
  private int deleteMarked(String ids, String table, long importId, int limit) {
    return jdbi.withHandle(
        h -> {
          java.util.List<Long> marked =
              h.createQuery(ids).bind("id", importId).setMaxRows(limit).mapTo(Long.class).list();
          if (marked.isEmpty()) {
            return 0;
          }
          return h.createUpdate("DELETE FROM " + table + " WHERE id IN (<ids>)")
              .bindList("ids", marked)
              .execute();
        });
  }

  /**
   * Deletes the authors and terms an import made that nothing uses any more (one another import or
   * a person took up meanwhile stays), and marks the import undone.
   */
  void finishUndo(long importId, Instant now) {
    jdbi.useHandle(
        h -> {
          // Each kind of row made, its table, and what would still use one.
          String[][] made = {
            {"term", "terms", "SELECT 1 FROM post_terms u WHERE u.term_id = terms.id"},
            {"user", "users", "SELECT 1 FROM posts u WHERE u.author_id = users.id"}
          };
          for (String[] kind : made) {
            h.createUpdate(
                    "DELETE FROM "
                        + kind[1]
                        + " WHERE id IN (SELECT row_id FROM wxr_import_rows"
                        + " WHERE import_id = :id AND kind = :kind) AND NOT EXISTS ("
                        + kind[2]
                        + ")")
                .bind("id", importId)
                .bind("kind", kind[0])
                .execute();
          }
          h.createUpdate("DELETE FROM wxr_import_rows WHERE import_id = :id")
              .bind("id", importId)
              .execute();
          h.createUpdate("UPDATE wxr_imports SET undone_at = :now WHERE id = :id")
              .bind("now", now)
              .bind("id", importId)
              .execute();
        });
  }
}
