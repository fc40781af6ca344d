package blog.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The comment counts that triggers keep (per status for the moderation queue, approved per post)
 * checked against the comment rows: after a crash, an undo or a bulk load they must agree.
 */
public final class CommentCounts {
  private CommentCounts() {}

  /** Asserts both counts agree with the rows; answers the rows per status. */
  public static Map<String, Long> assertAgreeWithRows(Jdbi jdbi) {
    Map<String, Long> rows = countBy(jdbi, "SELECT status, COUNT(*) FROM comments GROUP BY status");
    Map<String, Long> counted =
        countBy(
            jdbi,
            "SELECT status, SUM(n) FROM comment_status_counts GROUP BY status HAVING SUM(n) > 0");
    assertEquals(rows, counted, "comment_status_counts against the comment rows");
    Map<String, Long> approved =
        countBy(
            jdbi,
            "SELECT CAST(post_id AS VARCHAR(20)), COUNT(*) FROM comments WHERE status = 'approved'"
                + " GROUP BY post_id");
    Map<String, Long> approvedCounted =
        countBy(
            jdbi,
            "SELECT CAST(post_id AS VARCHAR(20)), SUM(approved) FROM post_comment_counts"
                + " GROUP BY post_id HAVING SUM(approved) > 0");
    assertEquals(approved, approvedCounted, "post_comment_counts against the approved rows");
    return rows;
  }

  private static Map<String, Long> countBy(Jdbi jdbi, String sql) {
    List<Map.Entry<String, Long>> pairs =
        jdbi.withHandle(
            h ->
                h.createQuery(sql)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .list());
    Map<String, Long> map = new HashMap<>();
    pairs.forEach(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }
}
