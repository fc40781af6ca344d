package blog.core.comment;

import org.jdbi.v3.core.Jdbi;

/**
 * Counts the comments again from their rows: the per-status counts ({@code comment_status_counts})
 * and the per-post approved counts ({@code post_comment_counts}) that triggers keep in step with
 * every change. The blog does it when it starts after an unclean stop of the embedded database, so
 * that the counts agree with the rows whatever a crash left behind; every content version row then
 * moves, so nothing kept from before is served.
 */
public final class CommentCountsRepository {
  private final Jdbi jdbi;

  public CommentCountsRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void recount() {
    jdbi.useTransaction(
        h -> {
          h.execute("UPDATE comment_status_counts SET n = 0");
          h.execute(
              """
              UPDATE comment_status_counts SET n =
                (SELECT COUNT(*) FROM comments c WHERE c.status = comment_status_counts.status)
              WHERE slot = 0""");
          h.execute("DELETE FROM post_comment_counts");
          h.execute(
              """
              INSERT INTO post_comment_counts (post_id, slot, approved)
              SELECT post_id, -1, COUNT(*) FROM comments WHERE status = 'approved'
              GROUP BY post_id""");
          h.execute("UPDATE content_version SET version = version + 1");
        });
  }
}
