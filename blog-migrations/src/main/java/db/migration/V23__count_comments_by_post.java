package db.migration;

import blog.migrations.PostCommentCountTrigger;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Approved comments per post, kept by triggers in the changing transaction (as WordPress keeps
 * {@code comment_count}): a post's count becomes a sum of a few small rows instead of counting its
 * comments, which on a post with 100,000 of them was a scan of 100,000 index entries for every
 * render of its page or of a listing showing it. Each writer adds to its own row of the post (its
 * H2 session or PostgreSQL backend), so writers of comments on one post never wait on each other
 * for the count, and no two transactions insert the same row at once.
 */
public class V23__count_comments_by_post extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    try (Statement s = connection.createStatement()) {
      s.execute(
          """
          CREATE TABLE post_comment_counts (
              post_id  BIGINT  NOT NULL,
              slot     INTEGER NOT NULL,
              approved BIGINT  NOT NULL,
              PRIMARY KEY (post_id, slot)
          )""");
      s.execute(
          """
          INSERT INTO post_comment_counts (post_id, slot, approved)
          SELECT post_id, -1, COUNT(*) FROM comments WHERE status = 'approved' GROUP BY post_id""");
      if (product.contains("postgres")) {
        postgres(s);
      } else if (product.contains("h2")) {
        s.execute(
            "CREATE TRIGGER comments_post_counts AFTER INSERT, UPDATE, DELETE ON comments"
                + " FOR EACH ROW CALL \""
                + PostCommentCountTrigger.class.getName()
                + "\"");
      } else {
        throw new SQLException("No comment-count triggers for database " + product);
      }
    }
  }

  /** The backend's own row of the post: an upsert that no other open transaction shares. */
  private static void postgres(Statement s) throws SQLException {
    s.execute(
        """
        CREATE FUNCTION count_post_comments() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          upsert text := format('INSERT INTO %I.post_comment_counts AS c (post_id, slot, approved)'
                                ' VALUES ($1, $2, $3) ON CONFLICT (post_id, slot)'
                                ' DO UPDATE SET approved = c.approved + EXCLUDED.approved',
                                TG_TABLE_SCHEMA);
        BEGIN
          IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.post_id = NEW.post_id THEN
            RETURN NULL;
          END IF;
          IF TG_OP <> 'INSERT' AND OLD.status = 'approved' THEN
            EXECUTE upsert USING OLD.post_id, pg_backend_pid(), -1;
          END IF;
          IF TG_OP <> 'DELETE' AND NEW.status = 'approved' THEN
            EXECUTE upsert USING NEW.post_id, pg_backend_pid(), 1;
          END IF;
          RETURN NULL;
        END
        $$""");
    s.execute(
        "CREATE TRIGGER comments_post_counts AFTER INSERT OR UPDATE OF status, post_id OR DELETE"
            + " ON comments FOR EACH ROW EXECUTE PROCEDURE count_post_comments()");
  }
}
