package blog.core.editor;

import blog.core.post.PostStatus;
import blog.core.taxonomy.TermRepository;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/**
 * The editor's writes to the posts table. Every change bumps the version, and edits happen only if
 * the version is still the one the editor loaded (optimistic locking).
 */
public final class EditorPostRepository {
  private final Jdbi jdbi;

  public EditorPostRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Stores a new post at version 1 and returns its id. Terms are linked by the caller. */
  public long insert(PostChanges c, String slug, String bodyHtml, Instant now) {
    return jdbi.withHandle(
        h ->
            bindFields(
                    h.createUpdate(
                        """
                        INSERT INTO posts (slug, title, body_markdown, body_html, excerpt, status,
                                           author_id, comment_status, published_at, created_at,
                                           updated_at, version)
                        VALUES (:slug, :title, :markdown, :html, :excerpt, :status, :authorId,
                                :commentStatus, :publishedAt, :now, :now, 1)
                        """),
                    c,
                    slug,
                    bodyHtml,
                    now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /**
   * Overwrites the post if it is still at {@code expectedVersion}; false (no change) otherwise. Its
   * links to terms take its (perhaps new) publication date. Two statements: call in a transaction.
   */
  public boolean update(
      long id, int expectedVersion, PostChanges c, String slug, String bodyHtml, Instant now) {
    return jdbi.withHandle(
        h -> {
          boolean updated =
              bindFields(
                          h.createUpdate(
                              """
                              UPDATE posts SET slug = :slug, title = :title,
                                     body_markdown = :markdown, body_html = :html,
                                     excerpt = :excerpt, status = :status, author_id = :authorId,
                                     comment_status = :commentStatus, published_at = :publishedAt,
                                     updated_at = :now, version = version + 1
                              WHERE id = :id AND version = :expected AND status <> 'trash'
                              """),
                          c,
                          slug,
                          bodyHtml,
                          now)
                      .bind("id", id)
                      .bind("expected", expectedVersion)
                      .execute()
                  == 1;
          if (updated) {
            TermRepository.redate(h, id);
          }
          return updated;
        });
  }

  private static Update bindFields(
      Update update, PostChanges c, String slug, String bodyHtml, Instant now) {
    return update
        .bind("slug", slug)
        .bind("title", c.text().title())
        .bind("markdown", c.text().bodyMarkdown())
        .bind("html", bodyHtml)
        .bind("excerpt", c.text().excerpt())
        .bind("status", c.status().dbValue())
        .bind("authorId", c.authorId())
        .bind("commentStatus", c.commentsOpen() ? "open" : "closed")
        .bind("publishedAt", c.publishedAt())
        .bind("now", now);
  }

  /** The slugs of other posts that are {@code base} or start with {@code base-}. */
  public Set<String> slugsLike(String base, long exceptPostId) {
    // Slugs hold only a-z, 0-9 and dashes, none of which LIKE treats specially.
    return jdbi.withHandle(
        h ->
            h
                .createQuery(
                    "SELECT slug FROM posts WHERE (slug = :base OR slug LIKE :prefix)"
                        + " AND id <> :except")
                .bind("base", base)
                .bind("prefix", base + "-%")
                .bind("except", exceptPostId)
                .mapTo(String.class)
                .stream()
                .collect(Collectors.toSet()));
  }

  public boolean slugTaken(String slug, long exceptPostId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM posts WHERE slug = :slug AND id <> :except")
                    .bind("slug", slug)
                    .bind("except", exceptPostId)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  /** Moves a post to the trash, remembering its status; false if it is there already. */
  public boolean trash(long id, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                        """
                        UPDATE posts SET status_before_trash = status, status = 'trash',
                               updated_at = :now, version = version + 1
                        WHERE id = :id AND status <> 'trash'
                        """)
                    .bind("id", id)
                    .bind("now", now)
                    .execute()
                == 1);
  }

  /** Puts a trashed post back to the status it had; false if it is not in the trash. */
  public boolean untrash(long id, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                        """
                        UPDATE posts SET status = COALESCE(status_before_trash, :draft),
                               status_before_trash = NULL, updated_at = :now,
                               version = version + 1
                        WHERE id = :id AND status = 'trash'
                        """)
                    .bind("id", id)
                    .bind("draft", PostStatus.DRAFT.dbValue())
                    .bind("now", now)
                    .execute()
                == 1);
  }

  /**
   * Deletes a post that is in the trash together with everything that hangs on it; false (nothing
   * deleted) if it is not in the trash. Several statements: call inside a transaction.
   */
  public boolean deleteTrashed(long id) {
    return jdbi.withHandle(
        h -> {
          // Locks the row, so the post cannot leave the trash while its comments go.
          int locked =
              h.createUpdate(
                      "UPDATE posts SET version = version + 1 WHERE id = :id AND status = 'trash'")
                  .bind("id", id)
                  .execute();
          if (locked == 0) {
            return false;
          }
          for (String table :
              new String[] {
                "comments", "post_terms", "post_revisions", "slug_redirects", "autosaves"
              }) {
            h.createUpdate("DELETE FROM " + table + " WHERE post_id = :id")
                .bind("id", id)
                .execute();
          }
          // What else refers to the post (subscriptions, sign-in requests) goes by ON DELETE
          // CASCADE.
          h.createUpdate("DELETE FROM posts WHERE id = :id").bind("id", id).execute();
          return true;
        });
  }
}
