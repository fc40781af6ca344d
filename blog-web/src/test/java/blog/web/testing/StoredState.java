package blog.web.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * A checksum of every row a visitor could change, table by table, to show that a request changed
 * nothing. Left out: the tables of log-in machinery that reading may touch by design (sessions,
 * pending sign-ins, form drafts, log-in throttles), and the content version, which background jobs
 * on H2 raise even when they change no row (every content row is summed here anyway).
 */
public final class StoredState {
  public static final List<String> TABLES =
      List.of(
          "users",
          "posts",
          "terms",
          "post_terms",
          "comments",
          "settings",
          "subscriptions",
          "mail_queue",
          "media",
          "autosaves",
          "post_revisions",
          "slug_redirects",
          "commenter_identities",
          "wxr_posts",
          "wxr_comments");

  private StoredState() {}

  /** Table name to checksum of its rows (in a stable order, whatever order the database used). */
  public static Map<String, String> of(Jdbi jdbi) {
    Map<String, String> sums = new LinkedHashMap<>();
    jdbi.useHandle(
        h -> {
          for (String table : TABLES) {
            List<String> rows = new ArrayList<>();
            for (Map<String, Object> row : h.createQuery("SELECT * FROM " + table).mapToMap()) {
              Map<String, String> values = new TreeMap<>();
              row.forEach((column, value) -> values.put(column, text(value)));
              rows.add(values.toString());
            }
            rows.sort(null);
            sums.put(table, rows.size() + ":" + sha256(String.join("\n", rows)));
          }
        });
    return sums;
  }

  private static String text(Object value) {
    try {
      if (value instanceof byte[] bytes) {
        return sha256(bytes);
      } else if (value instanceof Blob blob) {
        return sha256(blob.getBytes(1, (int) blob.length()));
      } else if (value instanceof Clob clob) {
        return clob.getSubString(1, (int) clob.length());
      }
      return String.valueOf(value);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
