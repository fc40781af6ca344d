package blog.core.editor;

import blog.core.db.Times;
import blog.core.db.UniqueViolations;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Autosaves: one row per user and post, or per user and draft key, overwritten each time. Upserts
 * are an UPDATE, else an INSERT; of two racing first autosaves the unique key lets one insert and
 * the other update.
 */
public final class AutosaveRepository {
  private static final RowMapper<Autosave> MAPPER =
      (rs, ctx) ->
          new Autosave(
              rs.getLong("id"),
              rs.getLong("user_id"),
              rs.getObject("post_id", Long.class),
              rs.getString("draft_key"),
              rs.getObject("base_version", Integer.class),
              new PostText(
                  rs.getString("title"), rs.getString("body_markdown"), rs.getString("excerpt")),
              Times.instant(rs, "saved_at"));

  private final Jdbi jdbi;

  public AutosaveRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Stores the user's autosave of a post (not in a transaction: a failed insert is retried). */
  public Autosave saveForPost(
      long userId, long postId, int baseVersion, PostText text, Instant now) {
    upsert(
        () ->
            jdbi.withHandle(
                h ->
                    h.createUpdate(
                            """
                            UPDATE autosaves SET title = :title, body_markdown = :markdown,
                                   excerpt = :excerpt, base_version = :base, saved_at = :now
                            WHERE user_id = :userId AND post_id = :postId
                            """)
                        .bind("userId", userId)
                        .bind("postId", postId)
                        .bind("base", baseVersion)
                        .bindMap(textFields(text, now))
                        .execute()),
        () ->
            jdbi.useHandle(
                h ->
                    h.createUpdate(
                            """
                            INSERT INTO autosaves (user_id, post_id, base_version, title,
                                                   body_markdown, excerpt, saved_at)
                            VALUES (:userId, :postId, :base, :title, :markdown, :excerpt, :now)
                            """)
                        .bind("userId", userId)
                        .bind("postId", postId)
                        .bind("base", baseVersion)
                        .bindMap(textFields(text, now))
                        .execute()));
    return findForPost(userId, postId).orElseThrow();
  }

  /** Stores the user's autosave of a post not created yet, named by the client's draft key. */
  public Autosave saveDraft(long userId, String draftKey, PostText text, Instant now) {
    upsert(
        () ->
            jdbi.withHandle(
                h ->
                    h.createUpdate(
                            """
                            UPDATE autosaves SET title = :title, body_markdown = :markdown,
                                   excerpt = :excerpt, saved_at = :now
                            WHERE user_id = :userId AND draft_key = :key
                            """)
                        .bind("userId", userId)
                        .bind("key", draftKey)
                        .bindMap(textFields(text, now))
                        .execute()),
        () ->
            jdbi.useHandle(
                h ->
                    h.createUpdate(
                            """
                            INSERT INTO autosaves (user_id, draft_key, title, body_markdown,
                                                   excerpt, saved_at)
                            VALUES (:userId, :key, :title, :markdown, :excerpt, :now)
                            """)
                        .bind("userId", userId)
                        .bind("key", draftKey)
                        .bindMap(textFields(text, now))
                        .execute()));
    return findDraft(userId, draftKey).orElseThrow();
  }

  private static void upsert(Supplier<Integer> update, Runnable insert) {
    if (update.get() > 0) {
      return;
    }
    try {
      insert.run();
    } catch (UnableToExecuteStatementException e) {
      if (!UniqueViolations.isUniqueViolation(e)) {
        throw e;
      }
      // Another request inserted it first: overwrite theirs (or, gone again meanwhile, insert).
      if (update.get() == 0) {
        insert.run();
      }
    }
  }

  public Optional<Autosave> findForPost(long userId, long postId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM autosaves WHERE user_id = :userId AND post_id = :postId")
                .bind("userId", userId)
                .bind("postId", postId)
                .map(MAPPER)
                .findOne());
  }

  public Optional<Autosave> findDraft(long userId, String draftKey) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM autosaves WHERE user_id = :userId AND draft_key = :key")
                .bind("userId", userId)
                .bind("key", draftKey)
                .map(MAPPER)
                .findOne());
  }

  public void deleteForPost(long userId, long postId) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM autosaves WHERE user_id = :userId AND post_id = :postId")
                .bind("userId", userId)
                .bind("postId", postId)
                .execute());
  }

  public void deleteDraft(long userId, String draftKey) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM autosaves WHERE user_id = :userId AND draft_key = :key")
                .bind("userId", userId)
                .bind("key", draftKey)
                .execute());
  }

  /** The typed text and the save time, as every autosave statement binds them. */
  private static Map<String, Object> textFields(PostText text, Instant now) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("title", text.title());
    fields.put("markdown", text.bodyMarkdown());
    fields.put("excerpt", text.excerpt());
    fields.put("now", now);
    return fields;
  }
}
