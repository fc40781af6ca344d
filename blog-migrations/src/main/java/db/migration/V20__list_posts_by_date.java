package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The admin's post list goes newest first by the date WordPress shows there: the publication date,
 * or for a post never published the last change. Sorted by that expression, every page of the list
 * read and sorted every post (2.4 s on a blog of 100,000 posts). The date is now a column the
 * database keeps itself ({@code listed_at}, generated: no writer of posts can get it wrong), with
 * an index for the whole list and one per status for its views (drafts, trash), so a page reads its
 * own rows from an index in order.
 */
public class V20__list_posts_by_date extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    // The same column either way; PostgreSQL keeps only stored generated columns.
    String stored;
    if (product.contains("postgres")) {
      stored = " STORED";
    } else if (product.contains("h2")) {
      stored = "";
    } else {
      throw new SQLException("No generated column syntax for database " + product);
    }
    try (Statement s = connection.createStatement()) {
      s.execute(
          "ALTER TABLE posts ADD COLUMN listed_at TIMESTAMP WITH TIME ZONE"
              + " GENERATED ALWAYS AS (COALESCE(published_at, updated_at))"
              + stored);
      s.execute("CREATE INDEX posts_admin_list_idx ON posts (listed_at DESC, id DESC)");
      // The publication date rides along so that the scheduled view (published or scheduled,
      // due later) is told from the index alone, without reading each post.
      s.execute(
          "CREATE INDEX posts_admin_status_idx"
              + " ON posts (status, listed_at DESC, id DESC, published_at)");
    }
  }
}
